#!/usr/bin/env bash
# Usage: bench/render.sh [--seconds 10] [--fps 24] [--resolution 2k] [--passes wireframe,shaded,depth] [--scene FILE]
# Direct Render of the stadium sample's first shot to MP4 per pass vs. ffmpeg alone fed raw frames from memory;
# prints "pass=… frames=… seconds=… fps=… limit_fps=… ratio=…" per pass (targets on 2 cores: ratio >= 0.8, fps >= 24).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg is missing: sudo apt-get install -y ffmpeg" >&2
  exit 2
fi
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.Bench/Previz.Bench.csproj" >&2
cd "$root"
exec dotnet "$root/bench/Previz.Bench/bin/Release/net10.0/Previz.Bench.dll" render "$@"
