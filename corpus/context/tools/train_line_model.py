#!/usr/bin/env python3
"""train_line_model.py: trains forcescan's line model (src/detect/learned.rs) on labelled halves
and writes rules/line-model.toml; or measures it at first sight.

The features are forcescan's own: `cargo run --release --example line_features -- DIR` prints
them for every line the model would judge. A line's label is the context rule its manifest gives
it (password, security token, password with token, consumer secret, client credentials), `none`
for every other line; lines whose manifest rule is a prefixed token's are left out (the rules
find those by their prefix). The built-in rules' examples and negative examples are
added, labelled with what the rules report on each line. The model is a multinomial logistic regression (scikit-learn, only
needed here, never by forcescan or its tests).

    # Which lines would it add at first sight? Trained on dev..dev4 only, judged on the lines the
    # binaries that first saw dev5..dev8 left (see first_sight.sh for those binaries):
    python3 corpus/context/tools/train_line_model.py --train dev,dev2,dev3,dev4 \\
        --judge dev5=FS5.jsonl,dev6=FS6.jsonl,dev7=FS7.jsonl,dev8=FS8.jsonl
    # The model forcescan ships: trained on every developed half.
    python3 corpus/context/tools/train_line_model.py --train dev,dev2,dev3,dev4,dev5,dev6,dev7,dev8 \\
        --write rules/line-model.toml

Never train on or judge a held-out half (holdout*/): they measure what the model does on files
it was not fitted to.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tomllib

CONTEXT = ["salesforce-client-credentials", "salesforce-consumer-secret", "salesforce-password",
           "salesforce-password-with-token", "salesforce-security-token"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(ROOT))


def features(arg):
    exe = os.path.join(REPO, "target", "release", "examples", "line_features")
    subprocess.run(["cargo", "build", "--release", "--locked", "-q", "--example", "line_features"], cwd=REPO,
                   check=True)
    out = subprocess.run([exe, arg], capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def rule_rows():
    """The lines of the rules' examples and negative examples, labelled as the rules report them."""
    # (A line a prefixed token's rule reports is left out, as in the sets.)
    return [("rules", (r["path"], r["line"]), r["features"], r["label"])
            for r in features("--rules") if r["label"] in CONTEXT or r["label"] == "none"]


def rows(half, skip=frozenset()):
    if half.startswith("holdout"):
        sys.exit(f"{half}: a held-out half is never trained on or judged")
    manifest = tomllib.load(open(os.path.join(ROOT, half, "manifest.toml"), "rb"))
    label, prefixed = {}, set()
    for f in manifest["finding"]:
        k = (f["path"], f["line"])
        if f["rule"] in CONTEXT:
            label[k] = f["rule"]
        else:
            prefixed.add(k)
    out = []
    for r in features(os.path.join(ROOT, half)):
        k = (r["path"], r["line"])
        if k in skip or (k in prefixed and k not in label):
            continue
        out.append((half, k, r["features"], label.get(k, "none")))
    return out


def reported(path):
    """The lines a report took: its findings' and their partners' (as forcescan skips them)."""
    out = set()
    for j in map(json.loads, open(path)):
        out.add((j["path"], j["line"]))
        out.update((j["path"], r["line"]) for r in j.get("related", []))
    return frozenset(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True, help="comma-separated developed halves")
    ap.add_argument("--judge", help="HALF=REPORT.jsonl,…: judge HALF's lines REPORT (forcescan -f jsonl) left")
    ap.add_argument("--write", help="write the model here (TOML)")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--max-unit", type=int, default=1 << 20)
    ap.add_argument("--prune", type=float, default=0.05,
                    help="features whose every weight is smaller than this are dropped (a smaller file to load)")
    ap.add_argument("--show", action="store_true", help="list the lines judged (developed halves only)")
    a = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train = [r for h in a.train.split(",") for r in rows(h)] + rule_rows()
    dv = DictVectorizer()
    x = dv.fit_transform([r[2] for r in train])
    y = [r[3] for r in train]
    m = LogisticRegression(C=a.c, max_iter=10000).fit(x, y)
    small = abs(m.coef_).max(axis=0) < a.prune
    m.coef_[:, small] = 0.0
    print(f"trained on {len(train)} lines: {dict(collections.Counter(y))}", file=sys.stderr)
    classes = list(m.classes_)
    none = classes.index("none")
    if a.judge:
        total = collections.Counter()
        for spec in a.judge.split(","):
            half, rep = spec.split("=")
            test = rows(half, reported(rep))
            probs = m.predict_proba(dv.transform([r[2] for r in test]))
            got = collections.Counter()
            for (h, k, _, want), p in zip(test, probs):
                q = list(p)
                q[none] = 0
                best = max(range(len(q)), key=q.__getitem__)
                if q[best] < a.threshold:
                    got["missed" if want != "none" else "quiet"] += 0 if want == "none" else 1
                    continue
                kind = "found" if classes[best] == want else ("wrong rule" if want != "none" else "extra")
                got[kind] += 1
                if a.show:
                    print(f"  {kind:10} {h} {k[0]}:{k[1]} {classes[best]} ({q[best]:.2f})")
            print(f"{half}: {dict(got)}")
            total.update(got)
        print(f"all: {dict(total)}")
    if a.write:
        names = dv.get_feature_names_out()
        coef = m.coef_
        weights = {}
        for j, n in enumerate(names):
            w = [float(coef[i][j]) for i in range(len(classes))]
            if max(abs(v) for v in w) > 0:
                weights[n] = w
        with open(a.write, "w") as f:
            f.write("# The line model: see src/detect/learned.rs for what it is and when it runs.\n")
            f.write("# Written by corpus/context/tools/train_line_model.py; do not edit by hand, retrain.\n\n")
            f.write("[line_model]\n")
            f.write(f"trained = {json.dumps(f'logistic regression, C={a.c}, pruned below {a.prune}, on {a.train} ({len(train)} lines)')}\n")
            f.write(f"threshold = {a.threshold}\n")
            f.write(f"max_unit = {a.max_unit}\n")
            f.write(f"classes = {json.dumps(classes)}\n")
            f.write(f"bias = [{', '.join(f'{v:.6g}' for v in m.intercept_)}]\n\n")
            f.write("# One feature a line: its name, then its weight for each class above.\n")
            f.write('weights = """\n')
            for n in sorted(weights):
                f.write(f"{n} {' '.join(f'{v:.6g}' for v in weights[n])}\n")
            f.write('"""\n')
        print(f"wrote {a.write}: {len(weights)} features", file=sys.stderr)


if __name__ == "__main__":
    main()
