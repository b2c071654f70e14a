#!/usr/bin/env bash
# Motion adherence benchmark: scoring a 10 s 1920x1080 24 fps H.264 clip against its shot (the stadium's establishing
# shot lengthened to 10 s; the clip is its shaded Direct Render at 2k scaled to 1080p, made here, not committed).
# Wall time of `previz adherence` (process start included), 3 runs. Target: <= 3 s on 2 cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r samples/refs "$work/"
python3 - "$work/stadium10.previz.json" <<'PY'
import json, sys
scene = json.load(open("samples/stadium.previz.json"))
for shot in scene["shots"]:
    if shot["id"] == "establishing":
        shot["duration"] = 10
json.dump(scene, open(sys.argv[1], "w"))
PY
./previz render "$work/stadium10.previz.json" --shot establishing --pass shaded --resolution 2k -o "$work/render.mp4" >/dev/null 2>&1
ffmpeg -nostdin -v error -i "$work/render.mp4" -vf scale=1920:1080,setsar=1 -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p "$work/clip.mp4"
ffprobe -v error -select_streams v:0 -show_entries stream=width,height,r_frame_rate:format=duration -of csv=p=0 "$work/clip.mp4" | tr '\n' ' ' | sed 's/^/clip: /'; echo
for run in 1 2 3; do
  start=$(date +%s.%N)
  result=$(./previz adherence "$work/stadium10.previz.json" --shot establishing "$work/clip.mp4" 2>/dev/null | head -1)
  end=$(date +%s.%N)
  printf 'run %d: %.2f s  %s\n' "$run" "$(echo "$end - $start" | bc)" "$result"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
