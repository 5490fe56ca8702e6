#!/usr/bin/env bash
# Issue 16's first bar: the Python API (`Scanner().scan_path`) against the `forcescan` command on
# the same generated logs, one process each, the same threads (the default: one per core).
#
#   benches/python-api.sh                  # MB=512 RUNS=7; plain logs, then half of them gzip
#   PYTHON=path/to/python benches/python-api.sh
#
# PYTHON is an interpreter with the wheel installed (default: the venv scripts/test-python.sh
# makes, target/python-test-venv); the command timed is the `forcescan` that wheel installed. The
# data comes from python/tests/gen_logs.py (the shared generator, same bytes) and is kept under
# target/bench-data/. Files are in the page cache. Prints, per data set, the median wall time of
# the command, of the Python process (interpreter start-up and import included) and of the
# scan_path call alone.
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${MB:-512}"
runs="${RUNS:-7}"
py="${PYTHON:-target/python-test-venv/bin/python}"
bin="$(dirname "$py")/forcescan"
[ -x "$bin" ] || { echo "no forcescan next to $py: run scripts/test-python.sh (or pip install the wheel) first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for share in 0 0.5; do
  data="target/bench-data/logs${mb}m-gz${share}"
  [ -f "$data.planted.jsonl" ] || python3 python/tests/gen_logs.py "$data" --mb "$mb" --gzip-share "$share" --manifest "$data.planted.jsonl" >&2
  cat "$data"/* > /dev/null
  : > "$work/cli"; : > "$work/proc"; : > "$work/call"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f %e -o "$work/t" "$bin" scan --archives -f json -o "$work/cli.json" "$data" || true
    tail -n1 "$work/t" >> "$work/cli"
    /usr/bin/time -f %e -o "$work/t" "$py" -c '
import sys, time, json, forcescan
t = time.perf_counter()
r = forcescan.Scanner().scan_path(sys.argv[1])
print(f"{time.perf_counter() - t:.3f}")
json.dump([f.to_dict() for f in r], open(sys.argv[2], "w"))
' "$data" "$work/py.json" >> "$work/call"
    tail -n1 "$work/t" >> "$work/proc"
  done
  same=$("$py" -c '
import json, sys
cli = json.load(open(sys.argv[1]))["findings"]
py = [{k: v for k, v in f.items() if k != "timestamp"} for f in json.load(open(sys.argv[2]))]
print("same findings" if cli == py else "FINDINGS DIFFER", len(cli))' "$work/cli.json" "$work/py.json")
  c=$(median < "$work/cli"); p=$(median < "$work/proc"); k=$(median < "$work/call")
  echo "$data ($mb MiB, gzip share $share): command ${c}s | python process ${p}s ($(awk -v a="$p" -v b="$c" 'BEGIN{printf "%+.0f%%", (a/b-1)*100}')) | scan_path call ${k}s ($(awk -v a="$k" -v b="$c" 'BEGIN{printf "%+.0f%%", (a/b-1)*100}')) | $same"
done
