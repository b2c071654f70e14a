#!/usr/bin/env bash
# The main job: Direct Render of the stadium sample's first shot to MP4 (no AI, no network).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-deps.sh runtime
./previz render samples/stadium.previz.json "$@"
