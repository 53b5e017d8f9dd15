#!/usr/bin/env bash
# Load test of `costgate serve --admission`, bounded: REQUESTS AdmissionReviews (default 10,000), CONCURRENCY
# at a time (default 32), over HTTPS on loopback with a throwaway certificate. Prints p50/p99 latency and the
# error count; exits 1 on any error. Needs openssl and python3; builds costgate unless COSTGATE_BIN is set.
#
#   scripts/bench-admission.sh                 # 10,000 requests, 32 concurrent, debug build
#   COSTGATE_BIN=.build/release/costgate REQUESTS=2000 scripts/bench-admission.sh
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${REQUESTS:-10000}
concurrency=${CONCURRENCY:-32}
bin=${COSTGATE_BIN:-}
if [ -z "$bin" ]; then
  swift build --product costgate >/dev/null
  bin=$(swift build --show-bin-path)/costgate
fi
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/ca.key" -out "$work/ca.crt" \
  -subj /CN=costgate-bench-ca -days 1 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/tls.key" -out "$work/tls.csr" -subj /CN=localhost 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$work/ext.cnf"
openssl x509 -req -in "$work/tls.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" -CAcreateserial -out "$work/tls.crt" -days 1 \
  -extfile "$work/ext.cnf" 2>/dev/null
fixtures=Tests/CostGateCLITests/Fixtures/admission
"$bin" serve --admission --host 127.0.0.1 --port 0 --tls-cert "$work/tls.crt" --tls-key "$work/tls.key" \
  --policy "$fixtures/policy.yaml" 2>"$work/serve.err" &
server=$!
for _ in $(seq 1 100); do
  grep -q 'admission webhook on https://127.0.0.1:' "$work/serve.err" && break
  sleep 0.1
done
port=$(sed -n 's/.*admission webhook on https:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.err" | head -1)
[ -n "$port" ] || { cat "$work/serve.err" >&2; exit 1; }
echo "costgate serve --admission on port $port; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# A mix as a cluster sends it: a Pod over quota (denied), a Deployment within quota, a PyTorchJob, a CronJob,
# an UPDATE, a controller-owned Pod (passed), a DELETE.
status=0
python3 scripts/bench-admission.py --url "https://localhost:$port/validate" --cacert "$work/ca.crt" \
  -n "$requests" -c "$concurrency" \
  "$fixtures/create-pod-over-quota.json" "$fixtures/create-deployment-within-quota.json" "$fixtures/create-pytorchjob.json" \
  "$fixtures/create-cronjob.json" "$fixtures/update-pytorchjob-scaled-up.json" "$fixtures/create-pod-owned-by-replicaset.json" \
  "$fixtures/delete-pod.json" || status=$?
# The server's own view (from its histogram): the decision alone, without the client's share.
curl -s --cacert "$work/ca.crt" "https://localhost:$port/metrics" | awk '
  /^costgate_admission_request_duration_seconds_sum/ {sum=$2}
  /^costgate_admission_request_duration_seconds_count/ {count=$2}
  /^costgate_admission_requests_total/ {printf "%s ", $0}
  END {printf "\nserver-side mean decision %.2f ms over %d requests\n", 1000*sum/count, count}'
exit "$status"
