#!/usr/bin/env bash
# Fuzz harness at scale: the suite's FuzzTests (tests/Previz.Studio.Tests/Fuzz) with many more cases and a new seed.
#   bench/fuzz.sh [cases=20000] [seed=random]
# Cases are split as in CI: 55 % scene documents, 30 % GLBs, 15 % HTTP uploads. Prints each target's totals, every
# crash with its seed and case number (replay one: PREVIZ_FUZZ_SEED=S PREVIZ_FUZZ_CASE=N dotnet test
# tests/Previz.Studio.Tests --filter FullyQualifiedName~FuzzTests), then the totals over all targets.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cases="${1:-20000}"
seed="${2:-$(( RANDOM * 32768 + RANDOM ))}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
dotnet build tests/Previz.Studio.Tests -c Release -v quiet -nologo >/dev/null
status=0
PREVIZ_FUZZ_CASES="$cases" PREVIZ_FUZZ_SEED="$seed" PREVIZ_FUZZ_REPORT="$report" \
  dotnet test tests/Previz.Studio.Tests -c Release --no-build --nologo -v quiet --filter "FullyQualifiedName~Previz.Studio.Tests.Fuzz.FuzzTests" >/dev/null || status=$?
cat "$report"
python3 - "$report" <<'PY'
import re, sys
cases = clean = results = crashes = 0
slowest, slowest_at, elapsed = 0.0, "", 0.0
for line in open(sys.argv[1]):
    m = re.match(r"fuzz (\S+): seed=\S+ cases=(\d+) clean_errors=(\d+) results=(\d+) crashes=(\d+) slowest=(\d+) ms \(([^)]*)\) cases_per_s=\S+ elapsed=([\d.]+) s", line)
    if not m:
        continue
    cases += int(m[2]); clean += int(m[3]); results += int(m[4]); crashes += int(m[5]); elapsed += float(m[8])
    if int(m[6]) > slowest:
        slowest, slowest_at = int(m[6]), f"{m[1]}, {m[7]}"
print(f"fuzz total: cases={cases} clean_errors={clean} results={results} crashes={crashes} slowest={slowest:.0f} ms ({slowest_at}) cases_per_s={cases / max(elapsed, 0.001):.1f}")
PY
exit $status
