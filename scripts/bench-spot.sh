#!/usr/bin/env bash
# Benchmark: `costgate spot` (release build) on three typical jobs, by both methods.
# Prints, per job, the best wall time of RUNS runs of the whole process with `--method exact` (the
# exact distribution; jobs with a binding maximum runtime or a fallback are simulated anyway), with
# `--method monte-carlo` (100,000 trials), and of the same job with `--trials 1` (start-up, catalog,
# exact means, optimum). Figures only, no assertions.
# Usage: scripts/bench-spot.sh [RUNS=7]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build -c release --scratch-path .build-bench --product costgate > "$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
bin=$(swift build -c release --scratch-path .build-bench --show-bin-path)/costgate

best() { python3 scripts/bench/best.py "$runs" "$@"; }  # best wall time of $runs runs, seconds

# name | arguments (prices USD per hour for the whole job)
jobs=(
  "8-node gang, AWS 10-15%, hourly checkpoints (closed form)|--work-hours 48 --nodes 8 --band 10-15% --provider aws --checkpoint-interval 1h --price-spot 96 --price-on-demand 320"
  "32-node gang, fallback after 3, budget (DP, 2 simulations)|--work-hours 72 --nodes 32 --band 15-20% --provider aws --checkpoint-interval 1h --fallback-after 3 --price-spot 384 --price-on-demand 1280 --budget 40000"
  "16-node gang, Azure 5-10%/h, 30 min checkpoints (~300 interruptions)|--work-hours 96 --nodes 16 --band 5-10 --provider azure --checkpoint-interval 30m --price-spot 160 --price-on-demand 512"
  "4 x p5.48xlarge from the catalog, GCP-style 24 h limit|--gpu h100 --gpus-per-node 8 --nodes 4 --cloud aws --work-hours 100 --checkpoint-interval 2h --max-runtime 24"
)

echo "costgate spot, release build, best of $runs runs, 100,000 trials ($(nproc) cores)"
printf '%-70s %10s %14s %12s\n' "job" "exact s" "monte-carlo s" "trials=1 s"
for entry in "${jobs[@]}"; do
  name=${entry%%|*}
  read -r -a args <<< "${entry#*|}"
  "$bin" spot "${args[@]}" --format json > /dev/null   # fails loudly if the job is rejected
  exact=$(best "$bin" spot "${args[@]}" --method exact)
  full=$(best "$bin" spot "${args[@]}" --method monte-carlo --trials 100000)
  one=$(best "$bin" spot "${args[@]}" --method monte-carlo --trials 1)
  printf '%-70s %10s %14s %12s\n' "$name" "$exact" "$full" "$one"
done
