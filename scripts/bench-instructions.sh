#!/usr/bin/env bash
# Instructions, not seconds: `costgate estimate` on the generated mixed tree and the libyaml event parse of
# the same files, each counted under valgrind's callgrind, with costgate's count split by stage. The count
# of a given build varies by about 0.1 % between runs (wall time on a shared VM drifts by tens of percent within
# minutes), so two builds compare with one run each; it misses cache misses, page faults and the kernel,
# which wall time (scripts/bench-estimate.sh) still has to confirm.
# Usage: scripts/bench-instructions.sh [FILES=2000]   (needs valgrind: apt-get install -y valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2000}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build=(swift build -c release --product costgate --scratch-path .build/bench-static -Xswiftc -static-stdlib)
"${build[@]}" >/dev/null
# valgrind 3.19 cannot read the static binary's DWARF 5: a copy without it (symbols kept).
strip -g -o "$work/costgate" "$("${build[@]}" --show-bin-path)/costgate"
cc -O2 -o "$work/yaml-events" scripts/bench/yaml-events.c $(pkg-config --cflags --libs yaml-0.1)
python3 scripts/bench/generate-manifests.py "$work/mixed" "$files" >/dev/null
find "$work/mixed" -name '*.yaml' | sort > "$work/mixed.list"

count() { grep -E '^summary:|^totals:' "$1" | head -1 | awk '{print $2}'; }
valgrind --tool=callgrind --callgrind-out-file="$work/floor.out" "$work/yaml-events" < "$work/mixed.list" 2>/dev/null
valgrind --tool=callgrind --callgrind-out-file="$work/costgate.out" \
  "$work/costgate" estimate "$work/mixed" --format json --month 2026-11 >/dev/null 2>&1 || true
callgrind_annotate --threshold=100 --inclusive=yes "$work/costgate.out" > "$work/inclusive.txt" 2>/dev/null

python3 - "$(count "$work/floor.out")" "$(count "$work/costgate.out")" "$work/inclusive.txt" <<'EOF'
import sys
floor, total, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
inclusive = {}
for line in open(path):
    parts = line.split()
    name = next((part for part in parts if part.startswith('???:')), None)
    if parts and parts[0][0].isdigit() and name:
        inclusive.setdefault(name[4:], int(parts[0].replace(',', '')))
def stage(prefix):
    return max((v for k, v in inclusive.items() if k.startswith(prefix)), default=0)
stages = [
    ("YAML (libyaml and the tree)", "$s12CostGateYAML10YAMLParserV5parse"),
    ("  of which yaml_parser_parse", "yaml_parser_parse"),
    ("Kubernetes readers", "$s17CostGateWorkloads16KubernetesReaderV4read8document"),
    ("sbatch reader", "$s17CostGateWorkloads11SlurmReaderV4read"),
    ("pricing", "$s11CostGateRun18EstimationPipelineV5price"),
    ("  of which the spot model", "$s18CostGateEstimation9EstimatorV12spotAnalysis"),
    ("JSON report", "$s17CostGateReporting20EstimateJSONReporterO12renderChunks"),
    ("argument parsing", "$s14ArgumentParser15ParsableCommandPAAE11parseAsRoot"),
]
print(f"instructions (callgrind), {total:,} costgate estimate against {floor:,} libyaml: {total / floor:.2f}x")
print(f"{'stage':<30} {'instructions':>15} {'share':>7}")
for name, prefix in stages:
    value = stage(prefix)
    print(f"{name:<30} {value:>15,} {100 * value / total:>6.1f}%")
EOF
