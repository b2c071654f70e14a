#!/usr/bin/env bash
# Usage: bench/jobs.sh [jobs=500] [vendor_seconds=2] [warmup_jobs=0]
# N concurrent hosted-model jobs through a real "previz serve" (SQLite + Hangfire, default settings) against a loopback
# fal-style vendor that finishes each job vendor_seconds after its submit. Prints
# "jobs=… wall_s=… ideal_s=… overhead_pct=… status_requests_per_job=… peak_rss_mb=…" (ideal_s = time to create the
# jobs + vendor_seconds; peak_rss_mb is the server process's VmHWM). Targets: overhead < 2 %, RSS < 300 MB, none lost.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg is missing: sudo apt-get install -y ffmpeg" >&2
  exit 2
fi
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.JobsBench/Previz.JobsBench.csproj" >&2
exec dotnet "$root/bench/Previz.JobsBench/bin/Release/net10.0/Previz.JobsBench.dll" "${1:-500}" "${2:-2}" "$root" "${3:-0}"
