#!/usr/bin/env bash
# Side-by-side benchmark: forcescan against ripgrep (same anchors), kingfisher and gitleaks
# (and betterleaks on the auth workload).
#
#   benches/compare.sh                 # all workloads, RUNS=3
#   RUNS=5 WORKLOADS="logs start" benches/compare.sh
#   RUNS=3 WORKLOADS="auth" benches/compare.sh
#
# Workloads (data generated once with ../shared/bench/*.py and cached under target/bench-data/):
#   logs   1 GiB of plain logs (gen-logs.py --mb 1024 --gzip-share 0), directory scan
#   gz     the same size with half the files gzip-compressed (gen-logs.py --mb 1024), `rg -z`
#   git    the 20,000-commit synthetic repository (gen-history.py), full history
#   start  one small file: what every hook invocation pays
#   auth   ~95 MiB of keyword-dense authentication / gateway / IdP / proxy logs (benches/gen-auth-logs.py):
#          anchor words on nearly every line, every value masked, 8 fake Salesforce secrets planted.
#          Not in the default list; adds betterleaks, MB/s and false positives (findings outside the
#          planted lines, one per reported location, with the rules that produced them).
#   auth-uniform  the same size in one file of issue 15's example line repeated (gen-auth-logs.py
#          --uniform): every line `user=... password=******** token_type=Bearer access_token=<redacted>
#          refresh_token=<redacted>`, nothing planted. Not in the default list either.
# Tools run alternately, RUNS times each; the table shows medians of wall time, CPU (user+sys)
# and peak RSS (GNU time), plus how many planted secrets each tool reported. Prints markdown for
# benches/README.md. Needs python3, git, ripgrep, GNU time, bc. AUTH_MB (default 95) sizes the auth data.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
runs=${RUNS:-3}
workloads=${WORKLOADS:-logs gz git start}
data=${BENCH_DATA:-$root/target/bench-data}
mkdir -p "$data"
eval "$("$shared/bench/peers.sh")"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
fs=$root/target/release/forcescan
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$fs" rules anchors > "$tmp/anchors"

gen_logs() { # dir share
  [ -f "$1/planted.jsonl" ] || python3 "$shared/bench/gen-logs.py" "$1" --mb 1024 --gzip-share "$2" >&2
}
gen_auth() { # dir [--uniform]
  [ -f "$1/planted.jsonl" ] || python3 "$root/benches/gen-auth-logs.py" "$@" --mb "${AUTH_MB:-95}" >&2
}
gen_repo() {
  [ -f "$data/history.expected.jsonl" ] || python3 "$shared/bench/gen-history.py" "$data/history" --commits 20000 >&2
}

# Planted secrets found, from a tool's report file: counts planted (file, line) pairs present.
count_logs() { # tool report planted.jsonl
  python3 - "$@" <<'PY'
import json, sys, re
tool, report, planted = sys.argv[1:4]
want = {(w["file"], w["line"]) for w in map(json.loads, open(planted))}
got = set()
text = open(report, errors="replace").read()
def add(path, line):
    if path is None or line is None:
        return
    name = re.split(r"[/!]", str(path).replace("\\", "/"))[-1]
    got.add((name, int(line)))
    got.add((name + ".gz", int(line)))
def walk(o):
    if isinstance(o, dict):
        add(o.get("path") or o.get("File"), o.get("line") or o.get("StartLine") or o.get("line_num"))
        for v in o.values():
            walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
try:
    walk(json.loads(text))
except ValueError:
    for l in text.splitlines():
        if l.strip():
            walk(json.loads(l))
print(f"{len(want & got)}/{len(want)}")
PY
}
count_git() { # report
  python3 - "$1" "$data/history.expected.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], errors="replace").read()
want = [json.loads(l) for l in open(sys.argv[2])]
# A planted secret counts as found when its path (or, for the dangling blob, the kind) is reported.
found = sum(1 for w in want if (w["path"] or "leftover") in text or (w["path"] is None and "blob" in text))
print(f"{found}/{len(want)}")
PY
}

# Planted secrets found and false positives (findings outside planted lines) from one report, parsed
# per tool: forcescan sweep records (their `occurrences`), kingfisher's, gitleaks' and betterleaks' JSON.
# Prints "FOUND/PLANTED FP RULE:COUNT,...".
score_auth() { # tool report planted.jsonl
  python3 - "$@" <<'PY'
import json, sys, collections
tool, report, planted = sys.argv[1:4]
want = {(w["file"], w["line"]) for w in map(json.loads, open(planted))}
text = open(report, errors="replace").read()
def name(p):
    return str(p).replace("\\", "/").split("/")[-1]
hits = []  # (locations, count, rule)
if tool == "fs":
    for l in text.splitlines():
        if l.strip():
            o = json.loads(l)
            locs = {(name(o[k]["path"]), o[k]["line"]) for k in ("first_seen", "last_seen") if o.get(k)}
            hits.append((locs, o.get("occurrences", 1), o["rule"]))
elif tool == "kf":
    for f in json.loads(text).get("findings", []):
        hits.append(({(name(f["finding"]["path"]), f["finding"]["line"])}, 1, f["rule"]["id"]))
elif tool == "gl":
    for f in json.loads(text):
        hits.append(({(name(f["File"]), f["StartLine"])}, 1, f["RuleID"]))
elif tool == "bl":
    for f in json.loads(text).get("findings", []):
        hits.append(({(name(f["location"]["path"]), f["location"]["start_line"])}, 1, f["rule_id"]))
found, fp, rules = set(), 0, collections.Counter()
for locs, n, rule in hits:
    if locs & want:
        found |= locs & want
    else:
        fp += n
        rules[rule] += n
print(f"{len(found)}/{len(want)}", fp, ",".join(f"{r}:{n}" for r, n in rules.most_common()) or "-")
PY
}

declare -A W C M FAIL S F
# measure KEY OK_CODES REPORT COMMAND...: one timed run. OK_CODES lists the exit codes that mean the
# tool ran to the end (scanners exit non-zero when they find the planted secrets: forcescan and
# gitleaks 1, kingfisher 200/205); REPORT, unless "-", is a file the run must have written (empty is
# fine: forcescan writes an empty JSON Lines report when it finds nothing). A run
# that fails either check is counted and shown in the table, never silently timed as a fast scan.
measure() {
  local key=$1 ok=$2 report=$3; shift 3
  [ "$report" = - ] || rm -f "$report"
  local code=0
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" > "$tmp/out.$key" 2> "$tmp/err.$key" || code=$?
  read -r w u s m < <(tail -n 1 "$tmp/time")
  W[$key]+="$w "; C[$key]+="$(echo "$u + $s" | bc) "; M[$key]+="$m "
  if [[ " $ok " != *" $code "* ]] || { [ "$report" != - ] && [ ! -e "$report" ]; }; then
    FAIL[$key]=$((${FAIL[$key]:-0} + 1))
    echo "$key: run failed (exit $code): $(tail -n 1 "$tmp/err.$key")" >&2
  fi
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
row() { # key label found
  local w c m found=$3
  w=$(echo "${W[$1]}" | median); c=$(echo "${C[$1]}" | median); m=$(echo "${M[$1]}" | median)
  [ -z "${FAIL[$1]:-}" ] || found+=" (${FAIL[$1]} of $runs runs FAILED)"
  echo "| $2 | $w | $c | $((m / 1024)) | $found |"
}
row_auth() { # key label bytes score...: like row, plus MB/s (10^6 bytes / median wall) and false positives
  local w c m found=$4 fp=$5
  w=$(echo "${W[$1]}" | median); c=$(echo "${C[$1]}" | median); m=$(echo "${M[$1]}" | median)
  [ -z "${FAIL[$1]:-}" ] || found+=" (${FAIL[$1]} of $runs runs FAILED)"
  echo "| $2 | $w | $c | $((m / 1024)) | $(echo "$3 / 1000000 / $w" | bc) | $found | $fp |"
}
header() { echo; echo "### $1"; echo; echo "| tool | wall s | cpu s | peak RSS MB | planted found |"; echo "|---|---|---|---|---|"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(date -u +%Y-%m-%d); median of $runs runs, tools alternating"

for wl in $workloads; do
  W=(); C=(); M=(); FAIL=() # keys repeat across workloads: each table gets only its own runs
  case $wl in
  logs | gz)
    dir=$data/logs-1024-$wl
    if [ "$wl" = logs ]; then gen_logs "$dir" 0; else gen_logs "$dir" 0.5; fi
    # The real path: a tool handed a symlink may scan the link instead of what it points to.
    dir=$(realpath "$dir")
    cat "$dir"/* > /dev/null
    z=""; [ "$wl" = gz ] && z="-z"
    for ((i = 0; i < runs; i++)); do
      measure fs "0 1" "$tmp/report.fs" "$fs" sweep "$dir" -o "$tmp/report.fs"
      measure rg "0 1" - rg $z --no-ignore -n -F -f "$tmp/anchors" "$dir"
      measure kf "0 200 205" "$tmp/report.kf" "$KINGFISHER" scan "$dir" --no-validate --format json --output "$tmp/report.kf"
      measure gl "0 1" "$tmp/report.gl" "$GITLEAKS" dir "$dir" --report-format json --report-path "$tmp/report.gl" --no-banner
    done
    header "$( [ "$wl" = logs ] && echo "1 GiB plain logs" || echo "1 GiB logs, half gzip-compressed")"
    row fs "forcescan sweep" "$(count_logs fs "$tmp/report.fs" "$dir/planted.jsonl")"
    row rg "rg $z (same anchors, no confirmation)" "n/a"
    row kf "kingfisher --no-validate" "$(count_logs kf "$tmp/report.kf" "$dir/planted.jsonl")"
    row gl "gitleaks dir" "$(count_logs gl "$tmp/report.gl" "$dir/planted.jsonl")"
    ;;
  git)
    gen_repo
    repo=$(realpath "$data/history")
    for ((i = 0; i < runs; i++)); do
      measure gfs "0 1" "$tmp/report.gfs" "$fs" git "$repo" --all-objects -f jsonl -o "$tmp/report.gfs"
      measure gkf "0 200 205" "$tmp/report.gkf" "$KINGFISHER" scan "$repo" --no-validate --format json --output "$tmp/report.gkf"
      measure ggl "0 1" "$tmp/report.ggl" "$GITLEAKS" git "$repo" --report-format json --report-path "$tmp/report.ggl" --no-banner
    done
    header "git history, 20,000 commits"
    row gfs "forcescan git --all-objects" "$(count_git "$tmp/report.gfs")"
    row gkf "kingfisher --no-validate" "$(count_git "$tmp/report.gkf")"
    row ggl "gitleaks git" "$(count_git "$tmp/report.ggl")"
    ;;
  auth | auth-uniform)
    if [ "$wl" = auth ]; then
      dir=$data/auth-${AUTH_MB:-95}
      gen_auth "$dir"
    else
      dir=$data/auth-uniform-${AUTH_MB:-95}
      gen_auth "$dir" --uniform
    fi
    dir=$(realpath "$dir")
    bytes=$(cat "$dir"/* | wc -c)
    lines=$(cat "$dir"/* | wc -l)
    for ((i = 0; i < runs; i++)); do
      measure afs "0 1" "$tmp/report.afs" "$fs" sweep "$dir" -o "$tmp/report.afs"
      # -c: count matching lines instead of printing ~100 MB of them (every line matches)
      measure arg "0 1" - rg -c --no-ignore -F -f "$tmp/anchors" "$dir"
      measure akf "0 200 205" "$tmp/report.akf" "$KINGFISHER" scan "$dir" --no-validate --format json --output "$tmp/report.akf"
      measure agl "0 1" "$tmp/report.agl" "$GITLEAKS" dir "$dir" --report-format json --report-path "$tmp/report.agl" --no-banner
      measure abl "0 1" "$tmp/report.abl.json" "$BETTERLEAKS" fs "$dir" -o "$tmp/report.abl.json" --no-banner
    done
    echo
    echo "### keyword-dense auth logs$([ "$wl" = auth ] || echo ", one line format (--uniform)"), $(echo "scale=1; $bytes / 1000000" | bc) MB in $(ls "$dir" | awk '$0 != "planted.jsonl"' | wc -l) log files (and planted.jsonl), $lines lines"
    echo
    echo "| tool | wall s | cpu s | peak RSS MB | MB/s | planted found | false positives |"
    echo "|---|---|---|---|---|---|---|"
    declare -A FPR=()
    for k in afs akf agl abl; do
      local_report=$tmp/report.$k; [ "$k" = abl ] && local_report=$tmp/report.abl.json
      if [ -e "$local_report" ]; then read -r S[$k] F[$k] FPR[$k] < <(score_auth "${k#a}" "$local_report" "$dir/planted.jsonl")
      else S[$k]="-"; F[$k]="-"; FPR[$k]="-"; fi
    done
    row_auth afs "forcescan sweep" "$bytes" "${S[afs]}" "${F[afs]}"
    row_auth arg "rg -c (same anchors, no confirmation)" "$bytes" "n/a" "n/a"
    row_auth akf "kingfisher --no-validate" "$bytes" "${S[akf]}" "${F[akf]}"
    row_auth agl "gitleaks dir" "$bytes" "${S[agl]}" "${F[agl]}"
    row_auth abl "betterleaks fs" "$bytes" "${S[abl]}" "${F[abl]}"
    echo
    echo "Lines holding an anchor (rg -c, last run): $(awk -F: '{s += $NF} END {print s}' "$tmp/out.arg") of $lines."
    echo "False positives by rule (last run): forcescan ${FPR[afs]}; kingfisher ${FPR[akf]}; gitleaks ${FPR[agl]}; betterleaks ${FPR[abl]}."
    ;;
  start)
    small=$tmp/small.properties
    printf 'sf.username=deploy@acme.com\nsf.serverurl=https://login.salesforce.com\n' > "$small"
    for ((i = 0; i < runs * 5; i++)); do
      measure sfs "0" - "$fs" scan "$small"
      measure skf "0" "$tmp/k.json" "$KINGFISHER" scan "$small" --no-validate --format json --output "$tmp/k.json"
      measure sgl "0" - "$GITLEAKS" dir "$small" --no-banner
    done
    header "start-up: one small file"
    row sfs "forcescan scan" "-"
    row skf "kingfisher scan" "-"
    row sgl "gitleaks dir" "-"
    ;;
  esac
done
