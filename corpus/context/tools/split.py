#!/usr/bin/env python3
"""Merge writers' sets into a developed and a held-out half, split by file (an archive is one
file), stratified by ecosystem folder, with a fixed seed. Writes corpus/context layout.

    split.py OUT                                  # the first set: writers a, b -> dev/, holdout/
    split.py OUT efg dev3 holdout2 20261207       # the third set: writers e, f, g (holdout2 is dev5 now)
    split.py OUT hij dev4 holdout3 20261208       # the fourth set: writers h, i, j (holdout3 is dev7 now)
    split.py OUT klm dev6 holdout4 20261209       # the fifth set: writers k, l, m (holdout4 is dev9 now)
    split.py OUT nop dev8 holdout5 20261210       # the sixth set: writers n, o, p
    split.py OUT qrs dev10 holdout6 20261211      # the seventh set: writers q, r, s
    split.py OUT tuv dev11 holdout7 20261212      # the eighth set: writers t, u, v
"""
import os, random, shutil, sys, tomllib, re
src = '/work/ctxset'; out = sys.argv[1]
writers, DEV, HOLD, seed = (sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])) if len(sys.argv) > 5 else ('ab', 'dev', 'holdout', 20261206)
entries = {'finding': [], 'decoy': []}
files = {}  # top file path -> (writer, ecosystem)
for w in writers:
    m = tomllib.load(open(f'{src}/{w}/manifest.toml', 'rb'))
    for kind in ('finding', 'decoy'):
        for e in m.get(kind, []):
            p = e['path']
            top = p.split('!')[0]
            # a single compressed file keeps its own name in reports: drop the gzip header's member
            if '!' in p and re.search(r'\.gz$', top) and not re.search(r'\.(tar\.gz|tgz)$', top):
                p = top
            e = dict(e); e['path'] = p
            entries[kind].append((w, top, e))
    for root, _, fs in os.walk(f'{src}/{w}/files'):
        for f in fs:
            rel = os.path.relpath(os.path.join(root, f), f'{src}/{w}/files')
            files[rel] = (w, rel.split('/')[0])
rng = random.Random(seed)
half = {}
by_eco = {}
for rel, (w, eco) in sorted(files.items()):
    by_eco.setdefault(eco, []).append(rel)
flip = 0
for eco in sorted(by_eco):
    fs = by_eco[eco]; rng.shuffle(fs)
    for i, f in enumerate(fs):
        half[f] = DEV if (i + flip) % 2 == 0 else HOLD
    flip += len(fs)
for h in (DEV, HOLD):
    shutil.rmtree(f'{out}/{h}', ignore_errors=True)
for rel, (w, eco) in files.items():
    dst = f'{out}/{half[rel]}/{rel}'
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copy2(f'{src}/{w}/files/{rel}', dst)
def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
for h in (DEV, HOLD):
    lines = [f'# The {h} half of the context-credential set (see ../README.md). Paths are relative to this folder.', '']
    for kind in ('finding', 'decoy'):
        for w, top, e in sorted(entries[kind], key=lambda t: (t[2]['path'], t[2]['line'])):
            if half[top] != h: continue
            lines.append(f'[[{kind}]]')
            for k in ('path', 'line', 'rule', 'related', 'context', 'note'):
                if k in e:
                    v = e[k]
                    lines.append(f'{k} = ' + (q(v) if isinstance(v, str) else str(v)))
            lines.append('')
    open(f'{out}/{h}/manifest.toml', 'w').write('\n'.join(lines))
n = {h: sum(1 for v in half.values() if v == h) for h in (DEV, HOLD)}
for h in (DEV, HOLD):
    m = tomllib.load(open(f'{out}/{h}/manifest.toml','rb'))
    print(h, 'files', n[h], 'findings', len(m.get('finding',[])), 'decoys', len(m.get('decoy',[])), 'ecosystems', len({p.split('/')[0] for p,v in half.items() if v==h}))
