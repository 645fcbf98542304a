#!/usr/bin/env bash
# Cold start of `sweep run`: a fresh process on a 10-cell trivial spec, from launch to the first progress line that
# counts a cell (the CLI polls its sweep every 200 ms, so ±0.2 s), and to exit. Prints one JSON line per run.
#   benchmarks/coldstart.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dll=client/bin/Release/net10.0/sweep.dll
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat > "$scratch/trivial10.json" <<'SPEC'
{ "name": "cold-start", "model": "rate", "n": 2, "seed": 1, "parameters": { "integrator": "euler" },
  "grid": { "g": { "from": 0.5, "to": 1.5, "steps": 10 } },
  "analyses": { "lyapunov": { "exponents": 1, "transientTime": 0, "averagingTime": 2, "windows": 2, "orthonormalizationInterval": 1, "twinCheck": false } } }
SPEC
for i in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  out="$scratch/out-$i"
  start=$(date +%s.%N)
  first=""
  while IFS= read -r line; do
    if [ -z "$first" ] && [[ "$line" =~ \]\ ([1-9][0-9]*)/[0-9]+\ cells ]]; then first=$(date +%s.%N); fi
  done < <(dotnet "$dll" run "$scratch/trivial10.json" --out "$out" 2>&1)
  end=$(date +%s.%N)
  python3 -c "print('{\"bench\": \"cold_start_sweep_run\", \"run\": $i, \"first_cell_s\": %s, \"exit_s\": %.3f, \"load\": \"$load\"}' % (('%.3f' % ($first - $start)) if '$first' else 'null', $end - $start))"
done
