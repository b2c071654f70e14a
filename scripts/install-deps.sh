#!/usr/bin/env bash
# Installs the Debian packages Previz needs at run time and in tests, or says exactly how to when not root.
# Usage: scripts/install-deps.sh [runtime|test]
set -euo pipefail
want=(ffmpeg)
# In-process FFmpeg (native/previz-media): the build compiles a small C shim against Debian's FFmpeg libraries, so
# probing, remuxing and posters cost no ffprobe/ffmpeg process. Without them Previz still builds and runs (it launches
# the processes instead), so a user who is not root is only told about them.
speedups=(gcc libc6-dev pkg-config libavformat-dev libavcodec-dev libavutil-dev libswscale-dev)
if [[ "${1:-runtime}" == "test" ]]; then
  # The scale-out tests start a private PostgreSQL server (initdb + pg_ctl in a temporary folder); the browser tests
  # drive Debian's chromium through Playwright (never a downloaded browser).
  want+=(postgresql chromium)
  # The tests check the in-process path against the processes: there it is required.
  want+=("${speedups[@]}")
  speedups=()
fi
missing() {
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || echo "$pkg"
  done
}
mapfile -t missing_wanted < <(missing "${want[@]}")
mapfile -t missing_speedups < <(missing "${speedups[@]}")
all=("${missing_wanted[@]}" "${missing_speedups[@]}")
if [[ ${#all[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]]; then
  echo "Installing ${all[*]}…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${all[@]}" >&2
elif [[ ${#missing_wanted[@]} -gt 0 ]]; then
  echo "Previz needs: ${missing_wanted[*]}. Install with:" >&2
  echo "  sudo apt-get install -y ${all[*]}" >&2
  exit 2
else
  echo "Previz will launch ffprobe/ffmpeg processes; for in-process media (faster) install:" >&2
  echo "  sudo apt-get install -y ${missing_speedups[*]}" >&2
fi
