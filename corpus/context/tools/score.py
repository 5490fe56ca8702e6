#!/usr/bin/env python3
"""score.py FORCESCAN DIR [--detail]: recall and precision of a forcescan binary on one labelled
half (DIR/manifest.toml), matching findings by (path, line, rule). The sets label Salesforce
login and OAuth credentials (the eight rules of SCOPE); other rules' findings (a Slack or Heroku
key, Salesforce-owned services the main corpus measures) are left out of both counts. Only aggregates unless
--detail, which lists misses and extras: use it on the developed halves, never on holdout/.

    python3 corpus/context/tools/score.py "$PWD/target/release/forcescan" corpus/context/dev --detail
"""
import collections
import json
import subprocess
import sys
import tomllib

SCOPE = {"salesforce-password", "salesforce-security-token", "salesforce-password-with-token",
         "salesforce-consumer-secret", "salesforce-client-credentials", "salesforce-access-token",
         "salesforce-refresh-token", "salesforce-sfdx-auth-url"}
binary, d = sys.argv[1], sys.argv[2]
detail = "--detail" in sys.argv
manifest = tomllib.load(open(f"{d}/manifest.toml", "rb"))
want = collections.Counter((f["path"], f["line"], f["rule"]) for f in manifest["finding"])
out = subprocess.run([binary, "scan", "-f", "jsonl", "--no-ignore", "."], cwd=d, capture_output=True, text=True)
got = collections.Counter()
for line in out.stdout.splitlines():
    j = json.loads(line)
    if j["path"] != "manifest.toml" and j["rule"] in SCOPE:
        got[(j["path"], j["line"], j["rule"])] += 1
tp = sum((want & got).values())
fn = sum((want - got).values())
fp = sum((got - want).values())
print(f"{d}: expected {sum(want.values())}, reported {sum(got.values())}, found {tp}, missed {fn}, "
      f"extra {fp}, recall {tp / max(1, tp + fn):.3f}, precision {tp / max(1, tp + fp):.3f}")
if detail:
    for k in sorted((want - got).elements()):
        print("MISS ", *k)
    for k in sorted((got - want).elements()):
        print("EXTRA", *k)
