#!/usr/bin/env bash
# Usage: bench/jobs.sh [jobs=500] [vendor_seconds=2] [warmup_jobs=0] [runs=1]
# N concurrent hosted-model jobs through a real "previz serve" (SQLite + Hangfire, default settings) against a loopback
# fal-style vendor that finishes each job vendor_seconds after its submit. Prints
# "jobs=… wall_s=… ideal_s=… overhead_pct=… status_requests_per_job=… peak_rss_mb=…" (ideal_s = time to create the
# jobs + vendor_seconds; peak_rss_mb is the server process's VmHWM). Targets: overhead < 2 %, RSS < 300 MB, none lost.
# after_vendor_mean_s/max_s: from the vendor having a job's clip ready to the server having it stored, per job; unlike
# overhead_pct it does not improve when creating the jobs gets slower (ideal_s grows with create_s).
# With runs > 1 each run (a fresh server) prints its line and a last "runs=…" line gives the medians: on a shared
# 2-core machine one run's overhead varies by several points.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v ffmpeg >/dev/null; then
  echo "ffmpeg is missing: sudo apt-get install -y ffmpeg" >&2
  exit 2
fi
dotnet build -c Release -v quiet -nologo "$root/bench/Previz.JobsBench/Previz.JobsBench.csproj" >&2
runs="${4:-1}"
if [[ "$runs" == 1 ]]; then
  exec dotnet "$root/bench/Previz.JobsBench/bin/Release/net10.0/Previz.JobsBench.dll" "${1:-500}" "${2:-2}" "$root" "${3:-0}"
fi
lines="$(mktemp)"
trap 'rm -f "$lines"' EXIT
for ((run = 1; run <= runs; run++)); do
  dotnet "$root/bench/Previz.JobsBench/bin/Release/net10.0/Previz.JobsBench.dll" "${1:-500}" "${2:-2}" "$root" "${3:-0}" | tee -a "$lines"
done
python3 - "$lines" <<'PY'
import statistics, sys
runs = [dict(field.split("=", 1) for field in line.split() if "=" in field)
        for line in open(sys.argv[1]) if line.startswith("jobs=")]
median = lambda name: statistics.median(float(r[name]) for r in runs)
print(f"runs={len(runs)} median_wall_s={median('wall_s'):.2f} median_ideal_s={median('ideal_s'):.2f} "
      f"median_overhead_pct={median('overhead_pct'):.1f} median_measured_cpu_ms_per_job={median('measured_cpu_ms_per_job'):.1f} "
      f"median_after_vendor_mean_s={median('after_vendor_mean_s'):.2f} median_after_vendor_max_s={median('after_vendor_max_s'):.2f} "
      f"max_peak_rss_mb={max(float(r['peak_rss_mb']) for r in runs):.0f} "
      f"all_succeeded={all(r['succeeded'] == r['jobs'] and r['submits'] == r['jobs'] for r in runs)}")
PY
