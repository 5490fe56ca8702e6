#!/usr/bin/env python3
"""Time several forcescan binaries on one workload, interleaved.

hyperfine runs every run of one command before the next command, so a change of load on a shared
machine lands on one binary. Here each round runs every binary once (the order alternating), and
the medians compare like with like.

    python3 benches/interleave.py --rounds 15 --args "scan -f jsonl target/bench-data/logs" BIN...
"""
import argparse
import shlex
import statistics
import subprocess
import time

ap = argparse.ArgumentParser()
ap.add_argument("--rounds", type=int, default=15)
ap.add_argument("--args", required=True, help="forcescan arguments, one shell-quoted string")
ap.add_argument("bins", nargs="+")
a = ap.parse_args()
args = shlex.split(a.args)
times = {b: [] for b in a.bins}
for b in a.bins:  # warm the page cache and each binary
    for _ in range(2):
        subprocess.run([b, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for r in range(a.rounds):
    for b in a.bins if r % 2 == 0 else a.bins[::-1]:
        t = time.perf_counter()
        subprocess.run([b, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[b].append(time.perf_counter() - t)
for b in a.bins:
    v = sorted(times[b])
    print(f"{b}: median {statistics.median(v) * 1e3:.1f} ms, mean {statistics.mean(v) * 1e3:.1f}, min {v[0] * 1e3:.1f}")
