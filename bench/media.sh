#!/usr/bin/env bash
# Usage: bench/media.sh [calls=100] [size=320x180] [seconds=2]
# The media work of a finished hosted-model job on a 2 s 320x180 clip, in-process (libprevizmedia.so) against
# ffprobe/ffmpeg processes: N probes, N stream copies, N posters and N GenerationFinisher runs each way, one after
# another. Prints "op=… path=in-process|processes calls=… wall_s=… cpu_s=… cpu_ms_per_call=…" (cpu_s counts the
# ffprobe/ffmpeg children too).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg is missing: sudo apt-get install -y ffmpeg" >&2
  exit 2
fi
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.MediaBench/Previz.MediaBench.csproj" >&2
exec dotnet "$root/bench/Previz.MediaBench/bin/Release/net10.0/Previz.MediaBench.dll" "${1:-100}" "${2:-320x180}" "${3:-2}"
