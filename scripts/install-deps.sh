#!/usr/bin/env bash
# Installs the Debian packages Previz needs to build, at run time and in tests, or says exactly how to when not root.
# Usage: scripts/install-deps.sh [runtime|test]
set -euo pipefail
# Every probe, copy, trim, poster and encode is an ffmpeg or ffprobe process; the animatic's burn-in draws with
# DejaVu Sans Mono.
want=(ffmpeg fonts-dejavu-core)
if [[ "${1:-runtime}" == "test" ]]; then
  # The scale-out tests start a private PostgreSQL server (initdb + pg_ctl in a temporary folder); the browser tests
  # drive Debian's chromium through Playwright (never a downloaded browser); the timeline export tests check every
  # FCPXML with xmllint (well-formed, and valid against the FCPXML DTD in tests/Previz.Core.Tests/Sequences/Fixtures).
  want+=(postgresql chromium libxml2-utils)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
# The studio's build bundles its 3D viewport (three.js, from the committed npm lock file) with node and npm; a node
# installed some other way (nvm, a tarball) serves as well as Debian's.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]]; then
  echo "Installing ${missing[*]}…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
else
  echo "Previz needs: ${missing[*]}. Install with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 2
fi
