#!/usr/bin/env bash
# Builds libprevizmedia.so, the in-process FFmpeg shim, against Debian's FFmpeg development packages.
# Usage: native/previz-media/build.sh OUTPUT_FOLDER
# Needs: gcc, pkg-config, libavformat-dev libavcodec-dev libavutil-dev libswscale-dev (scripts/install-deps.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build.sh OUTPUT_FOLDER}"
packages=(libavformat libavcodec libavutil libswscale)
mkdir -p "$out"
# Built under a temporary name and moved: a build cut short never leaves a half-written library behind.
tmp="$out/.libprevizmedia.so.$$"
trap 'rm -f "$tmp"' EXIT
# -z defs: a symbol missing from the FFmpeg libraries fails here, not when the server first loads the library.
# Hidden visibility: only the pvm_ functions are exported.
gcc -std=gnu11 -O2 -g -shared -fPIC -fvisibility=hidden -Wall -Wextra -Werror -Wl,-z,defs \
  -o "$tmp" "$here/previz_media.c" $(pkg-config --cflags --libs "${packages[@]}") -lpthread -lm
mv -f "$tmp" "$out/libprevizmedia.so"
