#!/usr/bin/env bash
# Records what costgate prints — stdout, stderr and exit status of every command in every format, over the
# examples, the real corpus (../shared/corpus/real, when present) and the test fixtures — into OUTDIR, one
# file each. For refactors that must not change behaviour: record with the old binary, then the new, and
# `diff -r` the two directories (the day and month are fixed, so the output is deterministic).
# Usage: scripts/record-outputs.sh BIN OUTDIR   (BIN e.g. .build/debug/costgate)
set -u
cd "$(dirname "$0")/.."
wt=$(pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); out=$2
case $out in /*) ;; *) out="$wt/$out" ;; esac
rm -rf "$out"; mkdir -p "$out"
# A fixed place for the spot job files: their path is part of the output.
scratch=/tmp/costgate-record-outputs
rm -rf "$scratch"; mkdir -p "$scratch"
trap 'rm -rf "$scratch"' EXIT
corpus=../shared/corpus/real
day=(--today 2026-11-22)
month=(--month 2026-11)
run() { # name, args...
  local name=$1; shift
  "$bin" "$@" > "$out/$name.out" 2> "$out/$name.err"; echo $? > "$out/$name.rc"
}
trees=(examples Tests/CostGateCoreTests/Fixtures/k8s Tests/CostGateWorkloadsTests/Fixtures/slurm Tests/CostGateCLITests/Fixtures/inputs)
[ -d "$corpus" ] && trees+=("$corpus")
for tree in "${trees[@]}"; do
  t=$(echo "$tree" | tr '/' '_')
  for f in text json; do
    run "estimate-$t-$f" estimate "$tree" --format $f "${month[@]}"
    run "estimate-$t-$f-v" estimate "$tree" --format $f -v "${month[@]}"
  done
  for f in text json markdown sarif junit github; do
    run "check-$t-$f" check "$tree" --policy examples/policy.yaml --format $f "${day[@]}"
  done
  run "check-$t-text-v" check "$tree" --policy examples/policy.yaml -v "${day[@]}"
done
for f in text json markdown sarif junit github; do
  run "check-fixture-overquota-$f" check Tests/CostGateCLITests/Fixtures/check/over-quota.yaml --policy Tests/CostGateCLITests/Fixtures/check/policy.yaml --format $f "${day[@]}"
  run "check-fixture-broken-$f" check Tests/CostGateCLITests/Fixtures/check/broken.yaml --policy Tests/CostGateCLITests/Fixtures/check/policy.yaml --format $f "${day[@]}"
  run "check-fixture-invalidpolicy-$f" check examples --policy Tests/CostGateCLITests/Fixtures/check/invalid-policy.yaml --format $f "${day[@]}"
done
for f in text json markdown sarif junit github; do
  run "diff-$f" diff --base Tests/CostGateCLITests/Fixtures/diff/base --head Tests/CostGateCLITests/Fixtures/diff/head --format $f "${day[@]}"
done
run "diff-all" diff --base Tests/CostGateCLITests/Fixtures/diff/base --head Tests/CostGateCLITests/Fixtures/diff/head --all "${day[@]}"
a=Tests/CostGateCLITests/Fixtures/audit
u=Tests/CostGateCoreTests/Fixtures/usage
for f in text json markdown prometheus; do
  run "audit-k8s-$f" audit $a/k8s --policy $a/policy.yaml --format $f --no-alerts "${day[@]}"
  run "audit-focus-$f" audit --policy $a/usage-policy.yaml --usage focus=$u/focus-2026-11.csv --format $f --no-alerts "${day[@]}"
  run "audit-sacct-$f" audit --policy $a/usage-policy.yaml --usage sacct=$u/sacct-2026-11.txt --format $f --no-alerts "${day[@]}"
  run "audit-opencost-$f" audit --policy $a/usage-policy.yaml --usage opencost=$u/opencost-allocation.json --format $f --no-alerts "${day[@]}"
  run "audit-broken-$f" audit --policy $a/usage-policy.yaml --usage sacct=$u/sacct-broken.txt --usage focus=$u/focus-broken.csv --format $f --no-alerts "${day[@]}"
done
for w in Job/research/finetune-llama-8b CronJob/research/nightly-eval Deployment/serving/vllm-gemma SlurmJob/llm-pretrain SlurmJob/ps-workers; do
  run "explain-$(echo $w | tr '/' '_')" explain examples --workload $w --policy examples/policy.yaml "${day[@]}" "${month[@]}"
done
for f in examples/k8s/*.yaml examples/slurm/*.sbatch; do
  run "explain-file-$(basename $f)" explain $f --policy examples/policy.yaml "${day[@]}" "${month[@]}"
done
for f in text json; do
  run "catalog-$f" catalog --format $f
  run "catalog-gcp-$f" catalog --provider gcp --format $f
  run "spot-cli-$f" spot --work-hours 48 --nodes 8 --band 10-15% --provider aws --checkpoint-interval 1h --price-spot 96 --price-on-demand 320 --format $f
  run "spot-cli2-$f" spot --gpu h100 --gpus-per-node 8 --nodes 4 --work-hours 48 --format $f
  run "spot-mc-$f" spot --work-hours 72 --nodes 32 --band 15-20% --provider aws --checkpoint-interval 1h --price-spot 96 --price-on-demand 320 --method monte-carlo --trials 2000 --format $f
done
python3 - "$wt" <<'PY' > $scratch/spot-inputs.txt
import json,sys
v=json.load(open(sys.argv[1]+'/Tests/CostGateCLITests/Fixtures/spot/worked-examples.json'))
items = v if isinstance(v,list) else v.get('vectors', v.get('examples', []))
for i,x in enumerate(items[:12]):
    print(json.dumps(x.get('input',x)))
PY
i=0
while read -r line; do
  echo "$line" > $scratch/spot-input-$i.json
  run "spot-input-$i" spot --input $scratch/spot-input-$i.json --format json
  i=$((i+1))
done < $scratch/spot-inputs.txt
run "policy-validate-examples" policy validate examples/policy.yaml
run "policy-validate-invalid" policy validate Tests/CostGateCLITests/Fixtures/check/invalid-policy.yaml
run "estimate-stdin" estimate - "${month[@]}" < examples/slurm/train-4node-h100.sbatch
echo "$(ls "$out" | wc -l) files in $out"
