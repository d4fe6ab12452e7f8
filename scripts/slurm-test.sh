#!/usr/bin/env bash
# The sweep on a real Slurm cluster: installs Slurm from Debian's packages (slurmctld, slurmd,
# slurm-client, munge) when missing, starts a single-node cluster on this machine (its own
# munged, slurmctld and slurmd, configured in a temporary folder: no cgroups, no accounting),
# submits the example sweep as a job array of N shards with a dependent merge job
# (deploy/slurm/submit.sh), waits, and compares the merged table with what one process writes,
# byte for byte. Stops the daemons it started.
#
#   bash scripts/slurm-test.sh [COOPZONE_BINARY]
#
# Prints 'slurm: 1 passed, 0 failed' (exit 0), 'slurm: 0 passed, 1 failed' (exit 1), or a SKIP
# line saying why Slurm could not be installed or started here (exit 0): never a silent pass.
# Environment: SLURM_TEST_SHARDS (default 4), SLURM_TEST_TIMEOUT (seconds for the jobs, default 300).
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
spec="$root/examples/sweeps/growth-triangle-and-alatau.yaml"
shards=${SLURM_TEST_SHARDS:-4}
limit=${SLURM_TEST_TIMEOUT:-300}
started=$(date +%s)
work="$(mktemp -d /tmp/coopzone-slurm.XXXXXX)"
chmod 700 "$work"
pids=()

stop_daemons() {
  # Only the daemons this script started, by their process ids, newest first.
  local i pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[$i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}
elapsed() { echo "$(($(date +%s) - started)) s"; }
show_logs() {
  for f in "$work"/slurmctld.log "$work"/slurmd.log "$work"/munged.log "$work"/out/*.log; do
    [ -f "$f" ] || continue
    echo "--- $f (last 25 lines)"
    tail -n 25 "$f"
  done
}
skip() {
  echo "SKIP slurm: $* ($(elapsed))"
  show_logs
  stop_daemons
  rm -rf "$work"
  echo "slurm: 0 passed, 0 failed, 1 skipped"
  exit 0
}
fail() {
  echo "FAIL slurm: $* ($(elapsed))"
  show_logs
  stop_daemons
  echo "slurm: 0 passed, 1 failed (files kept in $work)"
  exit 1
}
trap 'stop_daemons' EXIT
trap 'fail "interrupted"' INT TERM

# 1. Slurm and munge, from Debian's packages, only when missing.
find_tool() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || true; }
need=()
[ -n "$(find_tool slurmctld)" ] || need+=(slurmctld)
[ -n "$(find_tool slurmd)" ] || need+=(slurmd)
[ -n "$(find_tool sbatch)" ] || need+=(slurm-client)
[ -n "$(find_tool munged)" ] || need+=(munge)
if [ "${#need[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || skip "Slurm is not installed and there is no apt-get to install ${need[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || skip "Slurm is not installed and installing ${need[*]} needs root (or sudo without a password)"
    SUDO="sudo -n"
  fi
  echo "slurm: installing ${need[*]} (apt-get)"
  # The packages' scripts would start their services; this test starts its own daemons, so
  # keep them from starting any while installing (the usual policy-rc.d of a container).
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy"
  fi
  $SUDO apt-get update -qq >"$work/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >>"$work/apt.log" 2>&1
  status=$?
  [ -z "$policy" ] || $SUDO rm -f "$policy"
  if [ "$status" -ne 0 ]; then tail -n 20 "$work/apt.log"; skip "apt-get could not install ${need[*]}"; fi
  echo "slurm: installed ($(elapsed))"
fi
slurmctld=$(find_tool slurmctld); slurmd=$(find_tool slurmd); munged=$(find_tool munged)
for tool in sbatch squeue sinfo scontrol; do [ -n "$(find_tool "$tool")" ] || skip "the Slurm client '$tool' is missing after installing"; done
[ "$(id -u)" -eq 0 ] || skip "a single-node cluster on this machine needs root to run slurmd (run as root)"

# 2. The coopzone binary: the one given, or a build.
bin=${1:-}
if [ -z "$bin" ]; then
  swift build --product coopzone >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; fail "swift build failed"; }
  bin="$(swift build --show-bin-path)/coopzone"
fi
[ -x "$bin" ] || fail "no coopzone binary at '$bin'"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# 3. munged with a key and a socket of its own.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/out"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
"$munged" --foreground --force --key-file="$work/munge/munge.key" --socket="$socket" --pid-file="$work/munge/munged.pid" \
  --seed-file="$work/munge/munged.seed" --log-file="$work/munged.log" >>"$work/munged.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || skip "munged did not start"

# 4. A single-node cluster: this machine's CPUs and memory, no cgroups, no accounting.
host=$(hostname -s 2>/dev/null || hostname)
hardware=$("$slurmd" -C 2>/dev/null | head -n 1)
cpus=$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$hardware"); cpus=${cpus:-$(nproc)}
memory=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$hardware")
memory=${memory:-$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)}
port=$((17000 + RANDOM % 2000))
conf="$work/slurm.conf"
cat >"$conf" <<EOF
ClusterName=coopzone-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=600
KillWait=5
InactiveLimit=0
Waittime=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$conf"
"$slurmctld" -D -i -f "$conf" >>"$work/slurmctld.log" 2>&1 &
pids+=($!)
"$slurmd" -D -f "$conf" -N "$host" >>"$work/slurmd.log" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 1 150); do
  state=$(sinfo -h -N -n "$host" -o %T 2>/dev/null | head -n 1)
  case "$state" in
    idle | mixed | allocated) break ;;
    down* | drain*) scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true ;;
  esac
  sleep 0.2
done
case "$state" in idle | mixed | allocated) ;; *) skip "the single-node cluster did not come up (node state '${state:-none}')" ;; esac
echo "slurm: cluster up: node $host, $cpus CPUs, $memory MB ($(elapsed))"

# 5. The sweep in one process, then as a job array of shards and a dependent merge job.
"$bin" sweep "$spec" --quiet --output "$work/single.csv" 2>"$work/single.err" || { cat "$work/single.err"; fail "the single-process sweep failed"; }
ids=$(COOPZONE="$bin" bash deploy/slurm/submit.sh "$spec" "$work/out" "$shards" --cpus-per-task=1 --time=00:10:00 --partition=test) ||
  fail "sbatch refused the jobs"
array=$(awk '{print $2}' <<<"$ids"); merge=$(awk '{print $4}' <<<"$ids")
echo "slurm: submitted array $array (shards 1-$shards) and merge $merge ($(elapsed))"
deadline=$(($(date +%s) + limit))
while [ -n "$(squeue -h -j "$array,$merge" -o %i 2>/dev/null)" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || {
    squeue -j "$array,$merge"
    scancel "$array" "$merge" 2>/dev/null
    fail "the jobs did not finish within $limit s"
  }
  sleep 1
done
merge_state=$(scontrol show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1)
[ "$merge_state" = "COMPLETED" ] || {
  scontrol show job "$array" 2>/dev/null | grep -E 'JobId|JobState|ExitCode' || true
  fail "the merge job ended $merge_state"
}
for k in $(seq 1 "$shards"); do [ -s "$work/out/shard-$k-of-$shards.csv" ] || fail "shard $k/$shards wrote no file"; done
cmp "$work/single.csv" "$work/out/sweep.csv" || fail "the merged table differs from the single-process one"
rows=$(($(wc -l <"$work/single.csv") - 1))
echo "ok   slurm: $shards shards ($rows rows) merged by a dependent job equal one process's table byte for byte ($(elapsed))"
stop_daemons
rm -rf "$work"
echo "slurm: 1 passed, 0 failed"
