#!/usr/bin/env bash
# Benchmark: recording checks per second with 1, 4 and 16 concurrent recorders, on both ledger
# stores (a SQLite file; a PostgreSQL server this script starts on 127.0.0.1 in a temporary
# directory and stops at the end). Every check passes and records one run, each with its own commit,
# so each one takes the gate lock, reads the month and inserts. A check without a ledger is timed
# too: the cost of starting costgate and pricing the manifest, which every recording check pays first.
# Usage: scripts/bench-ledger.sh [CHECKS=96] [RECORDERS="1 4 16"]
#   COSTGATE_BIN=path uses that binary instead of building a release one; COSTGATE_PG_BIN=dir names
#   the PostgreSQL server binaries (default: the newest /usr/lib/postgresql/N/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
checks=${1:-96}
recorders=${2:-"1 4 16"}
work=$(mktemp -d)
chmod 755 "$work"
pg_started=""
cleanup() {
  if [ -n "$pg_started" ]; then as_server "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${COSTGATE_BIN:-}" ]; then
  bin=$COSTGATE_BIN
else
  build=(swift build -c release --product costgate --scratch-path .build/bench-ledger)
  "${build[@]}" >/dev/null
  bin=$("${build[@]}" --show-bin-path)/costgate
fi

# Every check fits: a quota no run approaches.
manifest=Tests/CostGateCLITests/Fixtures/ledger/job.yaml
cat > "$work/policy.yaml" <<'EOF'
version: 1
pricing:
  accelerators:
    - model: a100-40gb
      onDemand: 2
teams:
  - name: ml
    match:
      namespaces: [ml]
    quota:
      monthly: 1000000000
EOF

now() { date +%s.%N; }

# run_recorders LEDGER N: N loops at once sharing $checks checks; prints the wall time, seconds.
run_recorders() {
  local ledger=$1 n=$2 per=$(( checks / $2 )) start end
  start=$(now)
  for r in $(seq 1 "$n"); do
    (
      for c in $(seq 1 "$per"); do
        args=(check "$manifest" --policy "$work/policy.yaml" --today 2026-11-22)
        [ "$ledger" = "-" ] || args+=(--ledger "$ledger" --record --commit "r${r}c${c}" --ledger-timeout 60)
        status=0
        "$bin" "${args[@]}" >/dev/null 2>"$work/err.$r" || status=$?
        if [ "$status" != 0 ]; then echo "check exited $status: $(cat "$work/err.$r")" >&2; exit 1; fi
      done
    ) &
  done
  wait
  end=$(now)
  python3 -c "print(f'{$end - $start:.3f}')"
}

report() {  # STORE N SECONDS
  local total=$(( checks / $2 * $2 ))
  python3 -c "print(f'{\"$1\":<11} {$2:>9} {$total:>7} {$3:>9} {$total / $3:>9.1f}')"
}

echo "costgate: $bin"
echo "machine: $(nproc) cores; $checks checks per row, split across the recorders"
printf '%-11s %9s %7s %9s %9s\n' store recorders checks seconds checks/s
for n in $recorders; do report "no ledger" "$n" "$(run_recorders - "$n")"; done
for n in $recorders; do
  ledger="$work/spend-$n.db"
  "$bin" check "$manifest" --policy "$work/policy.yaml" --today 2026-10-01 --ledger "$ledger" --record --commit warm >/dev/null 2>&1
  report sqlite "$n" "$(run_recorders "$ledger" "$n")"
done

# PostgreSQL: initdb and postgres refuse root, so as root they run as the 'postgres' user.
pgbin=${COSTGATE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "postgresql    (skipped: no PostgreSQL server binaries; apt-get install postgresql)"
  exit 0
fi
as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)" -- "$@"; else "$@"; fi
}
mkdir -p "$work/pg"
echo bench > "$work/pg/password"
[ "$(id -u)" != 0 ] || chown -R "$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)" "$work/pg"
as_server "$pgbin/initdb" -D "$work/pg/data" -U costgate --pwfile="$work/pg/password" --auth-host=scram-sha-256 \
  --auth-local=trust -E UTF8 --no-sync >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Durable as in production (fsync on): each recorded check is one committed transaction.
as_server "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $port -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null
pg_started=1
export PGPASSWORD=bench
for n in $recorders; do
  "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U costgate "bench$n"
  ledger="postgres://costgate@127.0.0.1:$port/bench$n?sslmode=disable"
  "$bin" ledger migrate --ledger "$ledger" >/dev/null
  report postgresql "$n" "$(run_recorders "$ledger" "$n")"
done
