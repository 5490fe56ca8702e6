#!/usr/bin/env bash
# Detection quality on the labelled corpus: forcescan, kingfisher and gitleaks against
# corpus/manifest.toml (lines that must be found, and decoy lines that must stay silent).
#
#   benches/corpus-vs-peers.sh
#
# The peers come from ../shared/bench/peers.sh (PyPI wheels of their release binaries). The corpus
# is ours, so read this as "what each tool makes of these contexts", not as a neutral benchmark.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
eval "$("$shared/bench/peers.sh")"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$root/corpus"
"$root/target/release/forcescan" scan -f jsonl . > "$out/fs.jsonl" || true
"$KINGFISHER" scan . --no-validate --format json --output "$out/kf.json" > /dev/null 2>&1 || true
"$GITLEAKS" dir . --report-format json --report-path "$out/gl.json" --no-banner > /dev/null 2>&1 || true
python3 - "$out" <<'PY'
import json, sys, tomllib
out = sys.argv[1]
m = tomllib.load(open("manifest.toml", "rb"))
want = {(f["path"], f["line"]) for f in m["finding"]}
decoy = {(d["path"], d["line"]) for d in m["decoy"]}
norm = lambda p: p.replace("\\", "/").removeprefix("./")
def walk(o):
    if isinstance(o, dict):
        if "path" in o and "line" in o:
            yield o
        for v in o.values():
            yield from walk(v)
    elif isinstance(o, list):
        for v in o:
            yield from walk(v)
tools = {
    "forcescan": {(norm(f["path"]), f["line"]) for f in map(json.loads, open(f"{out}/fs.jsonl"))},
    "kingfisher 2.14.0": {(norm(f["path"]), f["line"]) for f in walk(json.load(open(f"{out}/kf.json")))},
    "gitleaks 8.30.1": {(norm(f["File"]), f["StartLine"]) for f in json.load(open(f"{out}/gl.json"))},
}
print(f"| tool | labelled lines found (of {len(want)}) | decoy lines reported (of {len(decoy)}) | other lines reported |")
print("|---|---|---|---|")
for name, got in tools.items():
    print(f"| {name} | {len(got & want)} | {len(got & decoy)} | {len(got - want - decoy)} |")
PY
