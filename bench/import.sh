#!/usr/bin/env bash
# glTF import benchmark: a generated ~1M-triangle GLB (not committed) imported 5 times, then Direct Render of it
# (wireframe, 1k): geometry setup, render CPU ms per frame and the MP4's fps. Targets: import < 2 s, wireframe
# >= 10 fps. See bench/Previz.ImportBench.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project bench/Previz.ImportBench -- "$@"
