#!/usr/bin/env bash
# Benchmark: `costgate estimate` over generated trees of realistic manifests against a plain
# libyaml event parse of the same files (one thread, built here from bench/yaml-events.c).
# Three trees of the same workloads (scripts/bench/generate-manifests.py), differing only in
# capacity: "mixed" (about a third of the GPU workloads on spot, the default), "spot-only" (every
# Kubernetes GPU workload on spot) and "spot-free". Per tree: both times (best of RUNS, the two
# run alternately), their ratio, max RSS; then the cost of one spot workload, from the spot-only
# and spot-free trees. Target: ratio <= 1.5 on the mixed tree on 2 cores, max RSS <= 64 MB.
# Usage: scripts/bench-estimate.sh [FILES=2000] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# -static-stdlib: the Swift runtime and Foundation linked in, which saves ~5 ms of dynamic loading
# and relocation at every start. Its own scratch directory, so switching
# between this build and `swift build`/`swift run` (dynamic) does not rebuild either.
build=(swift build -c release --product costgate --scratch-path .build/bench-static -Xswiftc -static-stdlib)
"${build[@]}" >/dev/null
bin=$("${build[@]}" --show-bin-path)/costgate
cc -O2 -o "$work/yaml-events" scripts/bench/yaml-events.c $(pkg-config --cflags --libs yaml-0.1)

declare -A seconds spots
echo "costgate estimate, $files files a tree, best of $runs alternating runs ($(nproc) cores; built with -static-stdlib)"
printf '%-10s %9s %9s %10s %7s %13s %12s\n' tree workloads "on spot" "libyaml s" "costgate s" ratio "max RSS KiB"
for tree in mixed spot-only spot-free; do
  case $tree in
    mixed) share=0.36 ;;
    spot-only) share=1 ;;
    spot-free) share=0 ;;
  esac
  dir="$work/$tree"
  python3 scripts/bench/generate-manifests.py "$dir" "$files" --spot-share "$share" >/dev/null
  find "$dir" -name '*.yaml' | sort > "$work/$tree.list"
  read -r libyaml costgate < <(python3 scripts/bench/best-pair.py "$runs" \
      "sh -c \"'$work/yaml-events' < '$work/$tree.list'\"" \
      "'$bin' estimate '$dir' --format json --month 2026-11")
  "$bin" estimate "$dir" --format json --month 2026-11 > "$work/$tree.json" 2>/dev/null || true
  read -r workloads onspot < <(python3 -c "
import json, sys
w = json.load(open(sys.argv[1]))['workloads']
print(len(w), sum(1 for x in w if x.get('capacity') == 'spot' and x.get('spot')))" "$work/$tree.json")
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" estimate "$dir" --format json --month 2026-11 >/dev/null 2>&1 || true
  rss=$(tail -1 "$work/rss")
  seconds[$tree]=$costgate
  spots[$tree]=$onspot
  python3 -c "import sys; a = sys.argv; print(f'{a[1]:<10} {a[2]:>9} {a[3]:>9} {float(a[4]):>10.4f} {float(a[5]):>10.4f} {float(a[5]) / float(a[4]):>7.2f} {a[6]:>12}')" \
      "$tree" "$workloads" "$onspot" "$libyaml" "$costgate" "$rss"
done
python3 -c "
import sys
only, free, mixed, n_only, n_mixed = map(float, sys.argv[1:])
print(f'per spot workload: {(only - free) / n_only * 1000:.3f} ms (spot-only minus spot-free tree, wall time on all cores)')
print(f'spot share of the mixed tree: {(mixed - free) * 1000:.1f} ms for {n_mixed:.0f} spot workloads')
print('target: mixed ratio <= 1.5, max RSS <= 65536 KiB')" \
  "${seconds[spot-only]}" "${seconds[spot-free]}" "${seconds[mixed]}" "${spots[spot-only]}" "${spots[mixed]}"
