#!/usr/bin/env python3
"""Prints the best wall time in seconds of running a command RUNS times: best.py RUNS CMD [ARG...]."""
import subprocess
import sys
import time

runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{min(times):.4f}")
