#!/usr/bin/env bash
# The studio viewport's scene-to-glTF: SceneGlb's geometry GLB of a scene (default the stadium), median of 21 runs
# after warm-up. Target: <= 100 ms for the stadium. See bench/Previz.ImportBench.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project bench/Previz.ImportBench -- --viewport-gltf "${1:-samples/stadium.previz.json}"
