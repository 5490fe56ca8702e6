#!/usr/bin/env bash
# Directory scan of plain log files: forcescan vs ripgrep searching the same anchor literals.
#
#   benches/logs-vs-rg.sh            # 512 MB of logs from ../shared/bench/gen-logs.py (cached)
#   MB=1024 RUNS=7 benches/logs-vs-rg.sh
#
# Prints a markdown table (median of RUNS, tools alternating run by run) with wall time, user+sys
# CPU time, peak RSS and MB/s, and checks that forcescan found every planted secret. Needs python3,
# ripgrep (`apt-get install ripgrep`) and GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
mb=${MB:-512}
runs=${RUNS:-5}
data=${BENCH_DATA:-$root/target/bench-data}
dir=$data/logs-$mb-plain
if [ ! -f "$dir/planted.jsonl" ]; then
  mkdir -p "$data"
  python3 "$shared/bench/gen-logs.py" "$dir" --mb "$mb" --gzip-share 0 >&2
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
fs=$root/target/release/forcescan
anchors=$(mktemp)
trap 'rm -f "$anchors" "$anchors".*' EXIT
"$fs" rules anchors > "$anchors"
"$fs" rules anchors --no-decode > "$anchors.plain"

# Warm the page cache so every tool reads from memory.
cat "$dir"/*.log > /dev/null

declare -A cmds=(
  [forcescan]="$fs scan --no-ignore -f jsonl $dir"
  [forcescan --no-decode]="$fs scan --no-ignore --no-decode -f jsonl $dir"
  [rg -F (same anchors)]="rg --no-ignore -c -F -f $anchors $dir"
  [rg -F (anchors without encoded forms)]="rg --no-ignore -c -F -f $anchors.plain $dir"
)
order=("forcescan" "rg -F (same anchors)" "forcescan --no-decode" "rg -F (anchors without encoded forms)")
declare -A wall cpu rss
for ((i = 0; i < runs; i++)); do
  for name in "${order[@]}"; do
    # forcescan exits 1 when it finds the planted secrets; only the timing line matters here.
    line=$( { /usr/bin/time -f "%e %U %S %M" ${cmds[$name]} > /dev/null; } 2>&1 | tail -n 1 || true)
    read -r w u s m <<< "$line"
    wall[$name]+="$w "
    cpu[$name]+="$(echo "$u + $s" | bc) "
    rss[$name]+="$m "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
bytes=$(cat "$dir"/*.log | wc -c)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; data: $((bytes / 1048576)) MiB of logs in page cache; median of $runs runs"
echo
echo "| tool | wall s | cpu s | peak RSS MB | MB/s (wall) |"
echo "|---|---|---|---|---|"
for name in "${order[@]}"; do
  w=$(echo "${wall[$name]}" | median); c=$(echo "${cpu[$name]}" | median); m=$(echo "${rss[$name]}" | median)
  echo "| $name | $w | $c | $((m / 1024)) | $(echo "$bytes / 1048576 / $w" | bc) |"
done
fw=$(echo "${wall[forcescan]}" | median); rw=$(echo "${wall[rg -F (same anchors)]}" | median)
nw=$(echo "${wall[forcescan --no-decode]}" | median)
echo
echo "forcescan / rg (same anchors): $(echo "scale=2; $fw / $rw" | bc)x wall; decoding costs $(echo "scale=1; ($fw - $nw) * 100 / $nw" | bc)% wall"

# Every planted secret found?
found=$( ("$fs" scan --no-ignore -f jsonl "$dir" || true) | python3 -c '
import json, sys
got = {(f["path"].rsplit("/", 1)[-1], f["line"]) for f in map(json.loads, sys.stdin)}
want = [json.loads(l) for l in open(sys.argv[1])]
miss = [w for w in want if (w["file"], w["line"]) not in got]
print(f"{len(want) - len(miss)}/{len(want)} planted secrets found" + ("" if not miss else f"; missed {miss}"))
' "$dir/planted.jsonl")
echo "$found"
