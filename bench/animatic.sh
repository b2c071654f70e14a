#!/usr/bin/env bash
# Animatic benchmark: `previz sequence export --format mp4` of 10 shots x 5 s at 1920x1080 24 fps from hosted-style
# H.264 takes (x264 with B-frames, AAC sound, index first; made here once, not committed), with and without burn-in,
# against plain `ffmpeg -f concat -c copy` of the same files in the same run. Wall time with process start.
# Usage: bench/animatic.sh [runs=3]. Target: <= 10 s on 2 cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
takes="out/bench-animatic"
mkdir -p "$takes"
shots=10
takeargs=()
for i in $(seq 1 "$shots"); do
  take="$takes/take$i.mp4"
  if [[ ! -f "$take" ]]; then
    ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=24:duration=5" -f lavfi -i "sine=frequency=$((200 + 50 * i)):sample_rate=48000:duration=5" \
      -vf "hue=h=$((i * 36))" -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -g 48 -c:a aac -b:a 128k -shortest -movflags +faststart "$take"
  fi
  takeargs+=(--take "s$i=$take")
done
python3 - "$work/ten.previz.json" "$shots" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
scene = {
    "name": "ten shots",
    "objects": [{"id": "box", "kind": "box"}],
    "cameras": [{"id": "cam", "transform": {"position": [0, 1, 6]}, "aimTarget": "box"}],
    "shots": [{"id": f"s{i}", "cameraId": "cam", "start": 5 * (i - 1), "duration": 5, "fps": 24} for i in range(1, n + 1)],
}
json.dump(scene, open(path, "w"))
PY
: > "$work/list.txt"
for i in $(seq 1 "$shots"); do echo "file '$PWD/$takes/take$i.mp4'" >> "$work/list.txt"; done
./previz --help >/dev/null 2>&1   # build once, outside the timings

wall() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }
frames() { ffprobe -v error -select_streams v:0 -show_entries stream=nb_frames -of csv=p=0 "$1"; }
for run in $(seq 1 "$runs"); do
  copy=$(wall ./previz sequence export "$work/ten.previz.json" --format mp4 --out "$work/copy.mp4" "${takeargs[@]}")
  burn=$(wall ./previz sequence export "$work/ten.previz.json" --format mp4 --out "$work/burn.mp4" --burn-in "${takeargs[@]}")
  plain=$(wall ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$work/list.txt" -c copy "$work/plain.mp4")
  printf 'run %d: animatic %.2f s (%s frames)  animatic --burn-in %.2f s (%s frames)  ffmpeg concat -c copy %.2f s (%s frames)\n' \
    "$run" "$copy" "$(frames "$work/copy.mp4")" "$burn" "$(frames "$work/burn.mp4")" "$plain" "$(frames "$work/plain.mp4")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
