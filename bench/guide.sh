#!/usr/bin/env bash
# Usage: bench/guide.sh [--seconds 5] [--repeat 3] [--scene FILE]
# Preparing a From Animation guide video (depth pass, 720p, fal Wan VACE's timing) of the stadium's first shot cut to
# --seconds: render + encode to MP4 + read back. Prints "guide pass=depth … wall_s=…" (target on 2 cores: <= 1 s for 5 s).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg is missing: sudo apt-get install -y ffmpeg" >&2
  exit 2
fi
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.Bench/Previz.Bench.csproj" >&2
cd "$root"
exec dotnet "$root/bench/Previz.Bench/bin/Release/net10.0/Previz.Bench.dll" guide "$@"
