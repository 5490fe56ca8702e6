#!/usr/bin/env python3
"""Re-checks the real-repository triage (`benches/real-repos.toml`) with a forcescan binary.

    python3 benches/real_repos.py target/release/forcescan [/work/.mirror]

For each mirrored repository (a bare or plain git directory under the mirror folder, as the
`fetch` tool leaves them), scans its history (`forcescan git`) and its HEAD tree (`git archive`
into a temporary folder, `forcescan scan`), keeps each distinct value once (by fingerprint, in
memory: values are never requested or printed), where it is first reported (history first,
then tree), and compares those locations with the triaged list: counts per label, and every
location the list does not have (to triage) or has and the binary no longer reports.
"""
import json, os, subprocess, sys, tarfile, tempfile, tomllib, io
from collections import Counter

def git_dir(m):
    for d in (os.path.join(m, "repo", ".git"), os.path.join(m, "repo"), m):
        if os.path.isdir(os.path.join(d, "objects")):
            return d
    return None

def scan(binary, args):
    run = subprocess.run([binary, *args, "-f", "jsonl"], capture_output=True, text=True)
    # (0 clean, 1 findings; anything else is said: a scan that crashed is not a clean one.
    # forcescan's stderr never carries a secret.)
    if run.returncode not in (0, 1):
        problems = [l for l in run.stderr.splitlines() if l.startswith("forcescan:")][:3]
        print(f"EXIT {run.returncode}: forcescan {args[0]} of {args[-1]}: " + " | ".join(problems), file=sys.stderr)
    out = run.stdout
    for line in out.splitlines():
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            pass

def main():
    binary = os.path.abspath(sys.argv[1])
    mirrors = sys.argv[2] if len(sys.argv) > 2 else "/work/.mirror"
    here = os.path.dirname(os.path.abspath(__file__))
    listed = tomllib.load(open(os.path.join(here, "real-repos.toml"), "rb"))["value"]
    # (Several values may be first reported at one location: a line changed over history.)
    known = Counter((v["repo"], v["rule"], v["path"], v["line"]) for v in listed)
    label = {(v["repo"], v["rule"], v["path"], v["line"]): v["label"] for v in listed}
    found = Counter()
    for name in sorted(os.listdir(mirrors)):
        g = git_dir(os.path.join(mirrors, name))
        if not g:
            continue
        seen = {}
        for f in scan(binary, ["git", g]):
            seen.setdefault(f["fingerprint"], (f["rule"], f["path"], f["line"]))
        with tempfile.TemporaryDirectory() as t:
            tar = subprocess.run(["git", "--git-dir", g, "archive", "HEAD"], capture_output=True).stdout
            if tar:
                tarfile.open(fileobj=io.BytesIO(tar)).extractall(t, filter="data")
            for f in scan(binary, ["scan", t]):
                path = os.path.relpath(f["path"], t) if os.path.isabs(f["path"]) else f["path"]
                seen.setdefault(f["fingerprint"], (f["rule"], path, f["line"]))
        for rule, path, line in seen.values():
            found[(name, rule, path, line)] += 1
    labels = Counter()
    for k, n in found.items():
        labels[label.get(k, "NEW (not triaged)")] += min(n, known[k])
        labels["NEW (not triaged)"] += max(0, n - known[k])
    print(f"{sum(found.values())} distinct values: " + ", ".join(f"{n} {l}" for l, n in sorted(labels.items()) if n))
    for k in sorted(found):
        if found[k] > known[k]:
            print("NEW ", found[k] - known[k], *k)
    for k in sorted(known):
        if known[k] > found[k]:
            print("GONE", known[k] - found[k], *k, label[k])

if __name__ == "__main__":
    main()
