#!/usr/bin/env python3
"""Best wall times of two commands run alternately RUNS times: best-pair.py RUNS 'CMD A' 'CMD B'.
Prints "A B" in seconds. Alternating keeps both under the same machine conditions (a shared VM's
speed drifts by tens of percent over seconds, which makes back-to-back series unfair)."""
import shlex
import subprocess
import sys
import time

runs, commands = int(sys.argv[1]), [shlex.split(c) for c in sys.argv[2:4]]
best = [float("inf"), float("inf")]
for _ in range(runs):
    for i, command in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best[i] = min(best[i], time.perf_counter() - start)
print(f"{best[0]:.4f} {best[1]:.4f}")
