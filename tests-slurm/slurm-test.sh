#!/usr/bin/env bash
# tests-slurm/slurm-test.sh: end-to-end check of escsim's cluster fan-out on a
# real, throw-away, single-node Slurm (munged + slurmctld + slurmd, no systemd).
#
#   1. install slurm-wlm and munge with apt-get if they are missing
#   2. start munged, slurmctld and slurmd under a temporary $BASE
#   3. sbatch --array=0-(SHARDS-1) --wait: each task runs
#        escsim run SCENARIO --variants all ... --shard auto --out BASE/shards/shard-K
#   4. escsim merge BASE/shards/shard-* --out BASE/merged
#   5. one single-machine run (no --shard) into BASE/single
#   6. cmp every *.csv of single/ against merged/ (same set of files, same bytes)
# The daemons are always stopped on exit; on failure the logs are printed and
# BASE is kept for inspection.
#
# Must run as root (Debian 12). Run it from anywhere; paths are resolved from
# the repository root, found from this script's location. `make test-slurm`
# builds the release binary and runs this script.
#
# Environment knobs (defaults in brackets; relative paths are taken from the
# repository root):
#   ESCSIM        escsim binary                         [.build/release/escsim]
#   SCENARIO      scenario file                         [Scenarios/aleppo-2024.yaml]
#   REPLICATIONS  replications in total                 [400]
#   SHARDS        array tasks = shards                  [4]
#   SEED          master seed                           [7]
#   TIME_LIMIT    Slurm time limit per task, minutes    [10]
#   BASE          work dir (must not exist or be empty) [mktemp -d /tmp/escsim-slurm.XXXXXX]
#   KEEP_BASE=1   keep BASE after a successful run      [removed on success]
#   SKIP_INSTALL=1 never call apt-get (fail if Slurm is missing)
#   SLURMCTLD_PORT / SLURMD_PORT                         [6817 / 6818]
set -euo pipefail

T0=$(date +%s)
log()  { printf '[%4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
fail() { printf '[%4ss] SLURM TEST FAILED: %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; exit 1; }
mark() { date +%s; }

[ "$(id -u)" -eq 0 ] || { echo "slurm-test.sh: must run as root (it installs packages and starts daemons)" >&2; exit 1; }

# ------------------------------------------------------------------ inputs
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
abspath() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$REPO_ROOT/$1" ;; esac; }

ESCSIM=$(abspath "${ESCSIM:-.build/release/escsim}")
SCENARIO=$(abspath "${SCENARIO:-Scenarios/aleppo-2024.yaml}")
REPLICATIONS=${REPLICATIONS:-400}
SHARDS=${SHARDS:-4}
SEED=${SEED:-7}
TIME_LIMIT=${TIME_LIMIT:-10}
SLURMCTLD_PORT=${SLURMCTLD_PORT:-6817}
SLURMD_PORT=${SLURMD_PORT:-6818}

for v in REPLICATIONS SHARDS SEED TIME_LIMIT SLURMCTLD_PORT SLURMD_PORT; do
  [[ ${!v} =~ ^[0-9]+$ ]] || fail "$v must be a non-negative integer, got '${!v}'"
done
[ "$SHARDS" -ge 1 ] || fail "SHARDS must be at least 1"
[ "$REPLICATIONS" -ge "$SHARDS" ] || fail "REPLICATIONS ($REPLICATIONS) must be at least SHARDS ($SHARDS)"
[ -x "$ESCSIM" ] || fail "no executable escsim at $ESCSIM (build it: swift build -c release --product escsim, or set ESCSIM)"
[ -f "$SCENARIO" ] || fail "no scenario file at $SCENARIO"
HELP=$("$ESCSIM" run --help 2>&1 || true)
grep -- '--shard' >/dev/null <<<"$HELP" \
  || fail "$ESCSIM run does not know --shard (stale binary? rebuild it)"
log "escsim=$ESCSIM"
log "scenario=$SCENARIO replications=$REPLICATIONS shards=$SHARDS seed=$SEED"

# ------------------------------------------------------------ 1. install
need_install() {
  local c
  for c in munged munge unmunge slurmctld slurmd sbatch sinfo scontrol; do
    command -v "$c" >/dev/null 2>&1 || return 0
  done
  return 1
}

POLICY=/usr/sbin/policy-rc.d POLICY_SAVED=''
restore_policy() {
  [ -n "$POLICY_SAVED" ] || return 0
  if [ "$POLICY_SAVED" = none ]; then rm -f "$POLICY"; else mv -f "$POLICY_SAVED" "$POLICY"; fi
  POLICY_SAVED=
}

if need_install; then
  [ "${SKIP_INSTALL:-0}" != 1 ] || fail "slurm-wlm/munge not installed and SKIP_INSTALL=1"
  export DEBIAN_FRONTEND=noninteractive
  # invoke-rc.d asks policy-rc.d before starting a service; exit 101 = "don't".
  # Without it the packages' scripts would start munge/slurm daemons of their own.
  if [ -e "$POLICY" ]; then POLICY_SAVED=$(mktemp "$POLICY.escsim.XXXXXX"); cp -p "$POLICY" "$POLICY_SAVED"
  else POLICY_SAVED=none; fi
  printf '#!/bin/sh\nexit 101\n' > "$POLICY"; chmod 755 "$POLICY"
  rc=0
  log "apt-get update"
  apt-get update -qq || rc=$?
  if [ "$rc" = 0 ]; then
    log "apt-get install slurm-wlm munge"
    apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null || rc=$?
  fi
  restore_policy
  [ "$rc" = 0 ] || fail "apt-get failed (rc=$rc)"
  need_install && fail "slurm-wlm/munge installed but commands are still missing"
fi
log "slurm $(dpkg-query -W -f='${Version}' slurmctld 2>/dev/null || echo '?'), munge $(dpkg-query -W -f='${Version}' munge 2>/dev/null || echo '?')"
T_INSTALL=$(mark)

# ------------------------------------------------------------ 2. configure
if [ -n "${BASE:-}" ]; then
  mkdir -p "$BASE"
  [ -z "$(ls -A "$BASE")" ] || fail "BASE=$BASE exists and is not empty"
  BASE=$(cd "$BASE" && pwd)
else
  BASE=$(mktemp -d /tmp/escsim-slurm.XXXXXX)
fi
mkdir -p "$BASE"/{etc,state,spool,log,out,shards}
chmod 755 "$BASE" "$BASE"/*
export SLURM_CONF=$BASE/etc/slurm.conf
# A caller's Slurm settings must not leak into our sbatch/sinfo calls.
unset SLURM_JOB_ID SLURM_ARRAY_TASK_ID SBATCH_PARTITION SBATCH_TIMELIMIT SBATCH_ACCOUNT 2>/dev/null || true

port_busy() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
for p in "$SLURMCTLD_PORT" "$SLURMD_PORT"; do
  port_busy "$p" && fail "TCP port $p is in use (another Slurm running?); set SLURMCTLD_PORT/SLURMD_PORT"
done

HOST=$(hostname -s)
# slurmd -C prints what this node really has; configuring more than that
# (CPUs, sockets, memory) gets the node DRAINED.
HW=$(slurmd -C 2>/dev/null | head -n1 || true)
field() { sed -n "s/.*\\b$1=\\([0-9]*\\).*/\\1/p" <<<"$HW"; }
CPUS=$(field CPUs);  CPUS=${CPUS:-$(nproc)}
MEM=$(field RealMemory); MEM=${MEM:-$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo)}
MEM=$(( MEM > 1024 ? MEM - 512 : MEM ))

cat > "$SLURM_CONF" <<CONF
# generated by tests-slurm/slurm-test.sh; throw-away single-node cluster
ClusterName=escsimci
SlurmctldHost=${HOST}(127.0.0.1)
SlurmctldPort=${SLURMCTLD_PORT}
SlurmdPort=${SLURMD_PORT}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
SwitchType=switch/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
StateSaveLocation=$BASE/state
SlurmdSpoolDir=$BASE/spool
SlurmctldPidFile=$BASE/slurmctld.pid
SlurmdPidFile=$BASE/slurmd.pid
SlurmctldLogFile=$BASE/log/slurmctld.log
SlurmdLogFile=$BASE/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
Waittime=0
NodeName=${HOST} NodeAddr=127.0.0.1 CPUs=${CPUS} RealMemory=${MEM} State=UNKNOWN
PartitionName=ci Nodes=${HOST} Default=YES MaxTime=60 State=UP
CONF
log "slurm.conf: node $HOST CPUs=$CPUS RealMemory=$MEM, ports $SLURMCTLD_PORT/$SLURMD_PORT, BASE=$BASE"

# -------------------------------------------------------- 3. daemons + trap
MUNGED_PID='' SLURMCTLD_PID='' SLURMD_PID='' SBATCH_PID=''
stop_pid() {  # name pid
  local name=$1 pid=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { log "stopped $name (pid $pid)"; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  log "killed $name (pid $pid) with SIGKILL"
}
show_logs() {
  local f
  echo "==== logs (BASE=$BASE kept) ====" >&2
  for f in "$BASE"/log/*.log "$BASE"/out/*.out /var/log/munge/munged.log; do
    [ -f "$f" ] || continue
    echo "---- tail $f" >&2
    tail -n 30 "$f" >&2
  done
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  restore_policy
  if [ -n "$SBATCH_PID" ]; then kill -TERM "$SBATCH_PID" 2>/dev/null || true; wait "$SBATCH_PID" 2>/dev/null || true; fi
  if [ -n "${SLURMCTLD_PID}" ] && [ "$rc" != 0 ]; then
    scancel --quiet --user=root 2>/dev/null || true     # our own cluster only (SLURM_CONF)
  fi
  stop_pid slurmd "$SLURMD_PID"
  stop_pid slurmctld "$SLURMCTLD_PID"
  stop_pid munged "$MUNGED_PID"
  if [ "$rc" != 0 ]; then
    show_logs
    echo "SLURM TEST FAILED (exit $rc)" >&2
  elif [ "${KEEP_BASE:-0}" = 1 ]; then
    log "kept $BASE"
  else
    rm -rf "$BASE"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_pidfile() {  # file -> prints the pid once the process is alive
  local f=$1
  for _ in $(seq 1 100); do
    if [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then cat "$f"; return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for $f" >&2; return 1
}

# munge: the key must exist, belong to munge, mode 0400; munged runs as munge.
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  log "munged already running (not ours: reused, left running)"
else
  if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null \
      || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/log/munge /var/lib/munge
  rm -f /run/munge/munged.pid
  runuser -u munge -- /usr/sbin/munged || fail "munged did not start"
  MUNGED_PID=$(wait_pidfile /run/munge/munged.pid) || fail "munged wrote no pid file"
  munge -n | unmunge >/dev/null || fail "munge round trip failed"
  log "munged up (pid $MUNGED_PID)"
fi

slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
SLURMCTLD_PID=$(wait_pidfile "$BASE/slurmctld.pid") || fail "slurmctld wrote no pid file"
log "slurmctld up (pid $SLURMCTLD_PID)"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
SLURMD_PID=$(wait_pidfile "$BASE/slurmd.pid") || fail "slurmd wrote no pid file"
log "slurmd up (pid $SLURMD_PID)"

st=
for _ in $(seq 1 60); do
  st=$(sinfo -h -N -n "$HOST" -o '%T' 2>/dev/null || true)
  [ "$st" = idle ] && break
  sleep 1
done
if [ "$st" != idle ]; then
  scontrol show node "$HOST" >&2 || true
  fail "node $HOST is '$st', not idle, after 60 s"
fi
log "node $HOST idle"
T_SLURM=$(mark)

# ------------------------------------------------------------ 4. job array
# Values are baked into the batch script (printf %q), so the job does not
# depend on what sbatch exports from this shell.
JOB=$BASE/escsim-shard.sbatch
{
  echo '#!/bin/bash'
  echo 'set -euo pipefail'
  printf 'ESCSIM=%q\nSCENARIO=%q\nREPLICATIONS=%q\nSEED=%q\nSHARD_ROOT=%q\n' \
    "$ESCSIM" "$SCENARIO" "$REPLICATIONS" "$SEED" "$BASE/shards"
  cat <<'BODY'
start=$(date +%s.%N)
echo "task=$SLURM_ARRAY_TASK_ID count=$SLURM_ARRAY_TASK_COUNT min=${SLURM_ARRAY_TASK_MIN:-?} job=$SLURM_ARRAY_JOB_ID host=$(hostname -s) cpus=${SLURM_CPUS_PER_TASK:-?} start=$(date +%T.%2N)"
"$ESCSIM" run "$SCENARIO" --variants all --replications "$REPLICATIONS" --seed "$SEED" \
  --shard auto --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet --out "$SHARD_ROOT/shard-$SLURM_ARRAY_TASK_ID"
echo "task=$SLURM_ARRAY_TASK_ID end=$(date +%T.%2N) took $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
BODY
} > "$JOB"
chmod 755 "$JOB"

log "sbatch --array=0-$((SHARDS - 1)) --cpus-per-task=1 --time=$TIME_LIMIT --wait"
WAIT_S=$(( TIME_LIMIT * 60 + 120 ))
# In the background + `wait`, so that a SIGINT/SIGTERM reaches the trap at once
# (bash runs traps only after a foreground command ends).
timeout "$WAIT_S" sbatch --array="0-$((SHARDS - 1))" --cpus-per-task=1 --ntasks=1 \
  --time="$TIME_LIMIT" --job-name=escsim-shard --chdir="$BASE/out" \
  --output="$BASE/out/slurm-%A_%a.out" --wait "$JOB" &
SBATCH_PID=$!
rc=0
wait "$SBATCH_PID" || rc=$?
SBATCH_PID=
[ "$rc" = 0 ] || fail "job array failed (sbatch --wait exit $rc; 124 = timeout after ${WAIT_S}s)"
SHARD_DIRS=()
for (( k = 0; k < SHARDS; k++ )); do
  d=$BASE/shards/shard-$k
  [ -s "$d/manifest.json" ] || fail "shard $k wrote no $d/manifest.json"
  SHARD_DIRS+=("$d")
done
grep -h '^task=' "$BASE"/out/slurm-*.out | sed 's/^/        /' || true
T_ARRAY=$(mark)
log "job array OK: $SHARDS shards in $(( T_ARRAY - T_SLURM ))s"

# ------------------------------------------------------------ 5. merge
rc=0
"$ESCSIM" merge "${SHARD_DIRS[@]}" --out "$BASE/merged" || rc=$?
[ "$rc" = 0 ] || fail "escsim merge exited $rc"
T_MERGE=$(mark)
log "merged $SHARDS shards into $BASE/merged"

# ------------------------------------------------------------ 6. single run
rc=0
"$ESCSIM" run "$SCENARIO" --variants all --replications "$REPLICATIONS" --seed "$SEED" \
  --threads 2 --quiet --out "$BASE/single" || rc=$?
[ "$rc" = 0 ] || fail "single-machine escsim run exited $rc"
T_SINGLE=$(mark)
log "single run done"

# ------------------------------------------------------------ 7. compare
csvs() { (cd "$1" && find . -maxdepth 1 -type f -name '*.csv' -printf '%f\n' | LC_ALL=C sort); }
S_LIST=$(csvs "$BASE/single"); M_LIST=$(csvs "$BASE/merged")
[ -n "$S_LIST" ] || fail "single run wrote no CSV files"
if [ "$S_LIST" != "$M_LIST" ]; then
  diff <(echo "$S_LIST") <(echo "$M_LIST") | sed 's/^/        /' >&2 || true
  fail "single/ and merged/ hold different sets of CSV files (< single, > merged)"
fi
NFILES=0 NBYTES=0 BAD=()
while IFS= read -r f; do
  if cmp "$BASE/single/$f" "$BASE/merged/$f"; then
    n=$(stat -c %s "$BASE/single/$f")
    NFILES=$(( NFILES + 1 )); NBYTES=$(( NBYTES + n ))
    printf '        %-20s %9s bytes identical\n' "$f" "$n"
  else
    BAD+=("$f")
  fi
done <<<"$S_LIST"
[ "${#BAD[@]}" = 0 ] || fail "merged differs from single run in: ${BAD[*]}"
T_DONE=$(mark)

echo "SLURM TEST OK: $SHARDS shards merged == single run ($NFILES files, $NBYTES bytes)"
echo "TIMING install=$((T_INSTALL - T0))s slurm_up=$((T_SLURM - T_INSTALL))s array=$((T_ARRAY - T_SLURM))s merge=$((T_MERGE - T_ARRAY))s single=$((T_SINGLE - T_MERGE))s compare=$((T_DONE - T_SINGLE))s total=$((T_DONE - T0))s"
# daemons are stopped by the EXIT trap
