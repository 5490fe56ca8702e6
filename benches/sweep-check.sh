#!/usr/bin/env bash
# Sweep a generated log dump with the release binary, check that every planted secret is found at
# its file and line (PASS/FAIL per secret), and print wall time and peak RSS. Optionally compares
# with `rg -z` searching the same anchors (the speed bar of issue 7).
#
#   benches/sweep-check.sh [DATA_DIR]        # default target/bench-data/logs1g (generated if absent)
#   RG=1 benches/sweep-check.sh              # also time `rg -z` with the rules' anchors
#
# The data comes from ../shared/bench/gen-logs.py (1 GiB of text, half of it gzip); generating it
# takes a few minutes, so it is kept under target/bench-data/ and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-target/bench-data/logs1g}"
shared="${SHARED_DIR:-../shared}"
if [ ! -f "$data/planted.jsonl" ]; then
  python3 "$shared/bench/gen-logs.py" "$data" --mb 1024
fi
cargo build --release --quiet
bin=target/release/forcescan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Page cache warm for both tools, so the comparison measures scanning, not the disk.
cat "$data"/* > /dev/null

set +e
/usr/bin/time -v "$bin" sweep --no-progress "$data" -o "$work/records.jsonl" 2> "$work/stderr.txt"
code=$?
set -e
if [ "$code" -ne 1 ]; then
  echo "FAIL: sweep exited $code (want 1: findings)"; cat "$work/stderr.txt"; exit 1
fi

grep -E "Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU|User time|System time" "$work/stderr.txt" | sed 's/^\s*/forcescan sweep: /'
if [ "${RG:-0}" = 1 ] && command -v rg > /dev/null; then
  "$bin" rules anchors > "$work/anchors.txt"   # the literals forcescan searches, as logs-vs-rg.sh uses
  /usr/bin/time -v rg -z --no-ignore -F -c -f "$work/anchors.txt" "$data" > /dev/null 2> "$work/rg.txt" || true
  grep -E "Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU|User time|System time" "$work/rg.txt" | sed 's/^\s*/rg -z: /'
fi
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

