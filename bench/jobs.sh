#!/usr/bin/env bash
# Usage: bench/jobs.sh [jobs=100] [vendor_min_s=20] [vendor_max_s=60]
# N hosted jobs created the way the API creates them, through a real "previz serve" (SQLite + Hangfire, default
# settings), against a loopback fal-style vendor whose clips take vendor_min_s..vendor_max_s, spread evenly. Prints
# step lateness (a step's start against its due time), ready -> stored (the poll that finds a clip ready to its gallery
# item with poster), CPU per job with ffmpeg children, peak RSS, lost jobs and whether each was submitted once.
# Targets (issue 25): step_late_p95 <= 3 s, ready_to_stored_p95 <= 3 s, cpu <= 0.5 s per job, RSS < 300 MB, none lost.
# The stress line: bench/jobs.sh 500 2 2 (no target but none lost).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg is missing: sudo apt-get install -y ffmpeg" >&2
  exit 2
fi
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.JobsBench/Previz.JobsBench.csproj" >&2
exec dotnet "$root/bench/Previz.JobsBench/bin/Release/net10.0/Previz.JobsBench.dll" "${1:-100}" "${2:-20}" "${3:-60}" "$root"
