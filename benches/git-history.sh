#!/usr/bin/env bash
# Git history benchmark and acceptance check.
#
#   benches/git-history.sh [COMMITS]      # default 20000
#
# Builds the synthetic repository of ../shared/bench/gen-history.py (cached under
# target/bench-data/history-COMMITS, with its .expected.jsonl beside it), scans it with a release
# build of forcescan (every ref, then --all-objects), prints the wall time and peak memory of each
# scan, and checks every planted secret: PASS when it is found with the rule, path and line the
# generator planted and attributed to the commit that planted it (found by its commit message, with
# git itself), and when the dangling blob is found only by --all-objects. Exits 1 on any FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."
commits="${1:-20000}"
gen=../shared/bench/gen-history.py
data=target/bench-data
repo="$data/history-$commits"
if [ ! -f "$repo.expected.jsonl" ]; then
  [ -f "$gen" ] || { echo "git-history: $gen not found" >&2; exit 2; }
  mkdir -p "$data"
  rm -rf "$repo"
  echo "building $repo (a minute or two for 20,000 commits)..." >&2
  GIT_CONFIG_GLOBAL=/dev/null python3 "$gen" "$repo" --commits "$commits" >&2
fi
cargo build --release --quiet
bin=target/release/forcescan

scan() { # output-file extra-args...
  local out="$1" code=0
  shift
  /usr/bin/time -q -f "  %e s wall, %U s user, %M KiB peak RSS" \
    "$bin" git "$repo" -f jsonl "$@" >"$out" || code=$?
  if [ "$code" -ne 1 ]; then
    echo "FAIL forcescan git $* exited $code (expected 1: findings)" >&2
    exit 1
  fi
}
echo "forcescan git $repo ($(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg))"
scan "$data/refs.jsonl"
echo "forcescan git --all-objects $repo"
scan "$data/all.jsonl" --all-objects

python3 - "$repo" "$data/refs.jsonl" "$data/all.jsonl" <<'EOF'
import json, subprocess, sys

repo, refs_file, all_file = sys.argv[1:4]
load = lambda p: [json.loads(l) for l in open(p) if l.strip()]
refs, everything = load(refs_file), load(all_file)
expected = load(repo + ".expected.jsonl")
rules = {"access_token": "salesforce-access-token", "refresh_token": "salesforce-refresh-token",
         "sfdx_auth_url": "salesforce-sfdx-auth-url"}
messages = {"deleted_later": "add integration config", "merge_only": "Merge feature/merge",
            "unmerged_branch": "try creds"}

def planted_by(how):
    out = subprocess.run(["git", "-C", repo, "log", "--all", "--format=%H", "--fixed-strings",
                          "--grep", messages[how]], capture_output=True, text=True, check=True)
    return out.stdout.split()

def matches(findings, e):
    return [f for f in findings if f["rule"] == rules[e["kind"]] and f["line"] == e["line"]
            and (f["path"] == e["path"] if e["path"] else "commit" not in f["git"])]

failed = 0
for e in expected:
    how = e["how"]
    if e["path"]:
        want = planted_by(how)
        got = matches(refs, e)
        ok = len(want) == 1 and [f["git"].get("commit") for f in got] == want
        detail = "%s:%d in %s" % (e["path"], e["line"], (want or ["?"])[0][:12])
        if not ok:
            detail += "; found %s" % [(f["path"], f["line"], f["git"].get("commit")) for f in got]
    else:
        got, got_all = matches(refs, e), matches(everything, e)
        ok = not got and len(got_all) == 1
        detail = "only with --all-objects: %s" % (got_all[0]["path"] if got_all else "not found")
    failed += not ok
    print("%s %s (%s): %s" % ("PASS" if ok else "FAIL", how, rules[e["kind"]], detail))
sys.exit(1 if failed else 0)
EOF
