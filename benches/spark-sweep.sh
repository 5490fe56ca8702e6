#!/usr/bin/env bash
# Issue 16's second bar: a Spark local[2] sweep (forcescan.spark: scan_files, what_to_rotate) of
# 1 GiB of generated logs (half of them gzip) against `forcescan sweep` on the same files, wall
# time, Spark's start-up excluded; and both must give the same records.
#
#   benches/spark-sweep.sh [DATA_DIR]      # default target/bench-data/logs1g (generated if absent)
#   RUNS=3 PYTHON=... benches/spark-sweep.sh
#
# PYTHON: an interpreter with the wheel, pyspark and pyarrow installed (default: the venv
# scripts/test-python.sh makes); the command timed is the forcescan that wheel installed.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(realpath -m "${1:-target/bench-data/logs1g}")"
runs="${RUNS:-3}"
py="${PYTHON:-target/python-test-venv/bin/python}"
bin="$(dirname "$py")/forcescan"
[ -f "$data/planted.jsonl" ] || python3 python/tests/gen_logs.py "$data" --mb 1024 >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$data"/* > /dev/null
: > "$work/cli"
cli_runs() {
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f %e -o "$work/t" "$bin" sweep --no-progress "$data" -o "$work/sweep.jsonl" 2> /dev/null || true
    tail -n1 "$work/t" >> "$work/cli"
  done
}
cli_runs   # before and after Spark, so a change in the machine's load shows in both
PYSPARK_PYTHON="$py" "$py" benches/spark-sweep.py "$data" "$runs" "$work/spark.json" 2> "$work/spark.err" || { cat "$work/spark.err" >&2; exit 1; }
cli_runs
"$py" - "$work/cli" "$work/spark.json" "$work/sweep.jsonl" "$data" <<'PY'
import json, statistics, sys
cli = sorted(float(x) for x in open(sys.argv[1]))
spark = json.load(open(sys.argv[2]))
sweep = [json.loads(l) for l in open(sys.argv[3]) if l.strip() and "error" not in l]
prefix = sys.argv[4].rstrip("/") + "/"
def norm(r):
    keys = ["rule", "fingerprint", "occurrences", "first_seen", "last_seen", "first_timestamp", "last_timestamp"]
    out = {k: r.get(k) for k in keys}
    for k in ("first_seen", "last_seen"):
        out[k] = dict(out[k], path=out[k]["path"][len(prefix):] if out[k]["path"].startswith(prefix) else out[k]["path"])
    return out
c = statistics.median(cli)
print(f"forcescan sweep: median {c:.2f}s of {cli}")
for mode, runs in spark["runs"].items():
    same = [norm(r) for r in sweep] == [norm(r) for r in spark["records"][mode]]
    s = statistics.median(runs)
    print(f"spark local[2], {mode:7}: median {s:.2f}s of {[round(x, 2) for x in runs]} = {s / c:.2f}x the sweep; "
          f"records {'identical' if same else 'DIFFER'} ({len(sweep)} distinct secrets)")
print(f"(Spark session start {spark['session']:.1f}s and first job {spark['warmup']:.1f}s excluded)")
PY
