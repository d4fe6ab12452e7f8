#!/usr/bin/env bash
# Submits a CoopZone sweep to Slurm: an array of N shard tasks and a merge job that starts when
# every shard has succeeded (Docs/scaling.md). Prints the two job ids.
#
#   deploy/slurm/submit.sh SPEC.yaml OUTDIR N [extra sbatch options…]
#
# Environment: as deploy/slurm/sweep.sbatch (COOPZONE, SWEEP_FORMAT, SWEEP_WORKERS).
set -euo pipefail
spec=${1:?usage: submit.sh SPEC.yaml OUTDIR N [sbatch options…]}
outdir=${2:?usage: submit.sh SPEC.yaml OUTDIR N [sbatch options…]}
n=${3:?usage: submit.sh SPEC.yaml OUTDIR N [sbatch options…]}
shift 3
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$outdir"
array=$(sbatch --parsable --array="1-$n" --export="ALL,SWEEP_SHARDS=$n" --output="$outdir/shard-%a.log" "$@" \
  "$here/sweep.sbatch" "$spec" "$outdir")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --export="ALL,SWEEP_SHARDS=$n" \
  --cpus-per-task=1 --output="$outdir/merge.log" "$@" "$here/sweep.sbatch" "$spec" "$outdir")
merge=${merge%%;*}
echo "array $array merge $merge"
