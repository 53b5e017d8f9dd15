#!/usr/bin/env bash
# Benchmark: `costgate estimate` over a generated tree of realistic manifests against a plain
# libyaml event parse of the same files (one thread, built here from bench/yaml-events.c).
# Prints both times (best of RUNS) and their ratio. Target: ratio <= 1.5 on 2 cores.
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
python3 scripts/bench/generate-manifests.py "$work/manifests" "$files"
find "$work/manifests" -name '*.yaml' | sort > "$work/list"

# Best wall time of $runs runs of each, seconds, the two run alternately.
read -r libyaml costgate < <(python3 scripts/bench/best-pair.py "$runs" \
    "sh -c \"'$work/yaml-events' < '$work/list'\"" \
    "'$bin' estimate '$work/manifests' --format json --month 2026-11")
"$bin" estimate "$work/manifests" --format json --month 2026-11 > "$work/out.json" || true
workloads=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['workloads']))" "$work/out.json")
rss=$( { /usr/bin/time -f '%M' "$bin" estimate "$work/manifests" --format json --month 2026-11 >/dev/null; } 2>&1 | tail -1 )
echo "files: $files, documents: $(grep -c '^apiVersion:' -r "$work/manifests" | awk -F: '{s+=$2} END {print s}'), workloads priced: $workloads"
echo "libyaml event parse (1 thread): ${libyaml} s"
echo "costgate estimate (all cores):  ${costgate} s   (max RSS ${rss} KiB; built with -static-stdlib)"
python3 -c "print(f'ratio costgate/libyaml: {float($costgate)/float($libyaml):.2f}  (target <= 1.5)')"
