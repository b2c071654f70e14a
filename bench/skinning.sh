#!/usr/bin/env bash
# Usage: bench/skinning.sh [vertices=50000]
# Linear blend skinning of a synthetic character (24 joints, 4 influences) on one core; prints the median ms per frame
# (target: <= 2 ms for 50,000 vertices).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.Bench/Previz.Bench.csproj" >&2
exec dotnet "$root/bench/Previz.Bench/bin/Release/net10.0/Previz.Bench.dll" skinning "$@"
