#!/usr/bin/env bash
# Usage: bench/viewport.sh [orbit_seconds=10] [edits=40]
# The studio's three.js view in headless Debian chromium (software GL) against a real "previz serve": frames per
# second while orbiting the stadium at 1280×720 (target >= 30 fps on a quiet machine), and the round trip of an edit
# typed in a field -> applied to the draft -> drawn by the view, p50 and p95 (target p95 <= 50 ms on loopback).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v chromium >/dev/null; then
  echo "chromium is missing: sudo apt-get install -y chromium" >&2
  exit 2
fi
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.ViewportBench/Previz.ViewportBench.csproj" >&2
exec dotnet "$root/bench/Previz.ViewportBench/bin/Release/net10.0/Previz.ViewportBench.dll" "$root" "${1:-10}" "${2:-40}"
