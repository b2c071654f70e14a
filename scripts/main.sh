#!/usr/bin/env bash
# The main job: Direct Render of the stadium sample's first shot to MP4 (no AI, no network), then the studio with the
# samples loaded, at the address it prints ("Studio: http://127.0.0.1:5080/"), until Ctrl+C.
# Usage: scripts/main.sh [--no-serve] [render options…]   (or PREVIZ_NO_SERVE=1 to only render)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
serve=1
[[ "${PREVIZ_NO_SERVE:-}" == 1 ]] && serve=0
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-serve" ]]; then serve=0; else args+=("$arg"); fi
done
scripts/install-deps.sh runtime
./previz render samples/stadium.previz.json "${args[@]}"
if [[ "$serve" == 1 ]]; then
  # exec: Ctrl+C reaches the server itself, which stops cleanly.
  exec ./previz serve --load-samples
fi
