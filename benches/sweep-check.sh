#!/usr/bin/env bash
# Issue 7's bar: sweep a generated log dump (half of it gzip) with the release binary, check that
# every planted secret is found at its file and line (PASS/FAIL per secret), and compare wall time,
# CPU time and peak RSS with `rg -z` searching the same literals (`forcescan rules anchors`).
#
#   benches/sweep-check.sh [DATA_DIR]     # default target/bench-data/logs1g (generated if absent)
#   RUNS=5 benches/sweep-check.sh         # median of RUNS runs per tool, alternating (default 3)
#   RG=0 benches/sweep-check.sh           # skip ripgrep
#
# The data comes from ../shared/bench/gen-logs.py (1 GiB of text, half of it gzip); generating it
# takes a few minutes, so it is kept under target/bench-data/ and reused. Needs python3 and GNU time;
# ripgrep for the comparison (`apt-get install ripgrep`). Exit status 1 if a planted secret is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-target/bench-data/logs1g}"
shared="${SHARED_DIR:-../shared}"
runs="${RUNS:-3}"
if [ ! -f "$data/planted.jsonl" ]; then
  python3 "$shared/bench/gen-logs.py" "$data" --mb 1024
fi
cargo build --release --quiet
bin=target/release/forcescan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" rules anchors > "$work/anchors.txt"
use_rg=0
if [ "${RG:-1}" = 1 ] && command -v rg > /dev/null; then use_rg=1; fi

# Page cache warm for both tools, so the comparison measures scanning, not the disk.
cat "$data"/* > /dev/null

measure() { # name, command...: appends "wall cpu rss_kb" to $work/$name.times
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" > /dev/null 2> "$work/$name.stderr" || true
  tail -n 1 "$work/t" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' >> "$work/$name.times"
}
for ((i = 0; i < runs; i++)); do
  measure sweep "$bin" sweep --no-progress "$data" -o "$work/records.jsonl"
  if [ "$use_rg" = 1 ]; then measure rg rg -z --no-ignore -F -c -f "$work/anchors.txt" "$data"; fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other jobs on this machine skew wall times)"
for name in sweep rg; do
  [ -f "$work/$name.times" ] || continue
  sort -n "$work/$name.times" | awk -v n="$name" '{w[NR]=$1; c[NR]=$2; r[NR]=$3}
    END {m=int((NR+1)/2); printf "%-6s median of %d: wall %.2f s, cpu %.2f s, peak RSS %.0f MB\n", n, NR, w[m], c[m], r[m]/1024}'
done

python3 - "$data" "$work/records.jsonl" <<'EOF'
import json, os, sys
data, records = sys.argv[1], sys.argv[2]
rule = {"access_token": "salesforce-access-token", "refresh_token": "salesforce-refresh-token",
        "sfdx_auth_url": "salesforce-sfdx-auth-url", "password_token": "salesforce-password-with-token"}
seen = set()
for line in open(records):
    r = json.loads(line)
    for place in (r["first_seen"], r["last_seen"]):
        seen.add((os.path.basename(place["path"]), place["line"], r["rule"]))
planted = [json.loads(l) for l in open(os.path.join(data, "planted.jsonl"))]
failed = 0
for p in planted:
    ok = (p["file"], p["line"], rule[p["kind"]]) in seen
    failed += not ok
    print("%s  %s:%d  %s" % ("PASS" if ok else "FAIL", p["file"], p["line"], p["kind"]))
extra = len(seen) - (len(planted) - failed)
print("%d planted, %d found, %d missed; %d other places reported" % (len(planted), len(planted) - failed, failed, max(extra, 0)))
sys.exit(1 if failed else 0)
EOF
