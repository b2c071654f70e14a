#!/usr/bin/env bash
# Usage: bench/compare.sh [calls=100]
# The one estimate of a compare batch, 4 models × 2 seeds of the stadium's breakaway shot (POST /api/compare/estimate),
# against a real "previz serve" on loopback with a budget set (so every call also sums what was spent). Prints the
# latency of each call as the client sees it, p50 and p95 over [calls] calls after 10 warm-up calls.
# Target (issue 24): p95 <= 200 ms.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
calls="${1:-100}"
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: sudo apt-get install -y $tool" >&2; exit 2; }
done
data="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
"$root/previz" --version >/dev/null 2>&1 || true # builds the command line once, outside the measurement
PREVIZ_DATA="$data" Studio__BudgetUsd=1000 "$root/previz" serve --urls "$base" >"$data/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 0.2
done
scene="$(curl -fsS --data-binary @"$root/samples/stadium.previz.json" "$base/api/scenes?fileName=stadium.previz.json" | jq -r .id)"
models="$(curl -fsS "$base/api/models?mode=start-frame" | jq -c '[.[] | select(.available and .provider != "directrender") | .id][0:4]')"
body="$(jq -nc --arg scene "$scene" --argjson models "$models" \
  '{sceneId: $scene, shotId: "breakaway", mode: "start-frame", models: $models, seeds: [1, 2], options: {resolution: "1k"}}')"
estimate() { curl -fsS -o "$data/quote.json" -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$body" "$base/api/compare/estimate"; }
for _ in $(seq 1 10); do estimate >/dev/null; done
for _ in $(seq 1 "$calls"); do estimate; done | sort -n >"$data/times"
echo "models=$models seeds=[1,2] takes=$(jq '.takes | length' "$data/quote.json") total_usd=$(jq .totalUsd "$data/quote.json")"
awk -v n="$calls" '{ t[NR] = $1 * 1000 } END {
  p50 = t[int((n - 1) * 0.50) + 1]; p95 = t[int((n - 1) * 0.95) + 1];
  printf "compare_estimate calls=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f (target p95 <= 200)\n", n, p50, p95, t[n] }' "$data/times"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
