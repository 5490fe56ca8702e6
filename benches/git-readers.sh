#!/usr/bin/env bash
# Git blob readers side by side: forcescan's pack reader, libgit2 and gix, each reading every blob
# of one repository once, in one process per run.
#
#   benches/git-readers.sh [REPO]      # RUNS=3 by default
#
# REPO defaults to ../bench-data/history, else target/bench-data/history-20000 (the 20,000-commit
# history of ../shared/bench/gen-history.py, generated once). The readers run in turn, RUNS rounds,
# so that load from other jobs falls on all of them alike; the table gives each one's median time
# of the read phase (opening the repository included, listing the blobs with git not), MB/s of
# blob bytes, median peak RSS of the process, and its time relative to forcescan's reader. Readers
# in id order run in the first round only: they take a minute or two each, and are 10-40x slower.
# `forcescan git --all-objects` (walk, read and scan, on every core) is timed too, for scale.
#
# gix is built from benches/gix-compare, a crate of its own, so that it never enters forcescan's
# build; its target directory is target/gix-compare.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
repo="${1:-../bench-data/history}"
if [ ! -d "$repo/objects" ]; then
  repo=target/bench-data/history-20000
  if [ ! -d "$repo/objects" ]; then
    mkdir -p target/bench-data
    echo "building $repo (a minute or two)..." >&2
    GIT_CONFIG_GLOBAL=/dev/null python3 ../shared/bench/gen-history.py "$repo" --commits 20000 >&2
  fi
fi

cargo build --release --quiet
bench=$(cargo bench --no-run --bench git_blobs --message-format=json 2>/dev/null |
  python3 -c 'import json,sys; print([m["executable"] for m in map(json.loads, sys.stdin) if m.get("executable")][-1])')
(cd benches/gix-compare && CARGO_TARGET_DIR=../../target/gix-compare cargo build --release --locked --quiet)
gix=target/gix-compare/release/gix-compare

# forcescan's delta-forest order, so that gix can be given the order that suits a cache best.
order=target/bench-data/git-readers-delta-order.txt
"$bench" --order "$repo" >"$order"

readers=(
  "forcescan pack reader, delta order|$bench --once pack $repo"
  "libgit2, delta order|$bench --once libgit2-delta $repo"
  "libgit2, id order|$bench --once libgit2-id $repo"
  "gix default cache, id order|$gix $repo id default"
  "gix default cache, pack order|$gix $repo pack default"
  "gix default cache, delta order|$gix $repo $order default"
  "gix 8 MiB capped cache, pack order|$gix $repo pack 8"
  "gix 8 MiB capped cache, delta order|$gix $repo $order 8"
  "gix 256 MiB capped cache, delta order|$gix $repo $order 256"
)
results=$(mktemp)
trap 'rm -f "$results" "$results.time"' EXIT
echo "$(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for run in $(seq "$runs"); do
  for r in "${readers[@]}"; do
    name="${r%%|*}"
    [[ $run -gt 1 && $name == *"id order"* ]] && continue
    # "...: N blobs, B bytes in S s, M MB/s, peak RSS K kB"
    line=$(${r#*|})
    echo "run $run  $line" >&2
    echo "$name|$(sed -E 's/.* ([0-9]+) bytes in ([0-9.]+) s.*peak RSS ([0-9]+) kB.*/\2 \3 \1/' <<<"$line")" >>"$results"
  done
  # The whole scan: exit code 1 means findings (the history has planted ones).
  /usr/bin/time -o "$results.time" -f "%e %M" target/release/forcescan git "$repo" --all-objects -f jsonl >/dev/null || true
  t=$(tail -n 1 "$results.time")
  echo "run $run  forcescan git --all-objects: $t (s, KiB)" >&2
  echo "forcescan git --all-objects (whole scan, $(nproc) threads)|$t 0" >>"$results"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$results" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, figures = line.rstrip("\n").split("|")
    secs, kib, nbytes = figures.split()
    rows.setdefault(name, []).append((float(secs), int(kib), int(nbytes)))
base = statistics.median(s for s, _, _ in rows["forcescan pack reader, delta order"])
print("| reader | median s | MB/s | median peak RSS MB | time / forcescan reader |")
print("|---|---|---|---|---|")
for name, rs in rows.items():
    secs = statistics.median(s for s, _, _ in rs)
    rss = statistics.median(k for _, k, _ in rs) / 1024
    mbs = "%.0f" % (rs[0][2] / secs / 1e6) if rs[0][2] else "—"
    print("| %s | %.2f | %s | %.0f | %.2fx |" % (name, secs, mbs, rss, secs / base))
EOF
