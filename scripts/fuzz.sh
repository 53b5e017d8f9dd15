#!/usr/bin/env bash
# Fuzzes the readers with libFuzzer: each target (yaml, sbatch, policy, admission) for a fixed number of executions,
# from a seed corpus of the repository's own examples, policies and test fixtures.
# Prints libFuzzer's final figures per target; a crash stops its target and leaves the input in
# Fuzz/crashes/<target>/ (add it to Tests/CostGateCLITests/Fixtures/fuzz/<target>/ once fixed).
# Usage: scripts/fuzz.sh [RUNS=1000000] [TARGET...]     (Fuzz/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml sbatch policy admission)

build=(swift build -c release --product costgate-fuzz --scratch-path .build/fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)
"${build[@]}" >/dev/null || { "${build[@]}" 2>&1 | grep -E "error" >&2; exit 70; }
bin=$("${build[@]}" --show-bin-path)/costgate-fuzz

# The corpus grows across runs in .build (never committed); seeds are copied in every time.
seed() {
  local dir=$1; shift
  mkdir -p "$dir"
  for file in "$@"; do [ -f "$file" ] && cp "$file" "$dir/seed-$(echo "$file" | tr '/' '_')"; done
}

status=0
for target in "${targets[@]}"; do
  corpus=.build/fuzz-corpus/$target
  case $target in
    yaml)   seed "$corpus" examples/k8s/*.yaml $(find Tests -path '*Fixtures*' -name '*.yaml' -path '*k8s*') ;;
    sbatch) seed "$corpus" examples/slurm/* $(find Tests -path '*Fixtures*' -name '*.sbatch') ;;
    policy) seed "$corpus" policies/*.yaml examples/policy.yaml $(find Tests -path '*Fixtures*' -name 'policy*.yaml') ;;
    admission) seed "$corpus" Tests/CostGateCLITests/Fixtures/admission/*.json ;;
    *) echo "unknown target '$target': expected yaml, sbatch, policy or admission" >&2; exit 64 ;;
  esac
  mkdir -p "Fuzz/crashes/$target"
  echo "== $target: $runs executions"
  start=$(date +%s)
  set +e
  # The Swift runtime's backtracer would take the trap first and libFuzzer would keep no crash file.
  SWIFT_BACKTRACE=enable=no COSTGATE_FUZZ_TARGET=$target "$bin" -runs="$runs" -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
      -dict="Fuzz/dictionaries/$target.dict" -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 \
      "$corpus" > ".build/fuzz-$target.log" 2>&1
  code=$?
  set -e
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|stat::new_units_added)' \
      ".build/fuzz-$target.log" || true
  echo "   $(grep -oE 'cov: [0-9]+' ".build/fuzz-$target.log" | tail -1), corpus: $(ls "$corpus" | wc -l) files, $(( $(date +%s) - start )) s, exit $code"
  if [ $code -ne 0 ]; then
    status=1
    grep -E 'ERROR|Fatal error|crash-|SUMMARY' ".build/fuzz-$target.log" | head -5
  fi
done
exit $status
