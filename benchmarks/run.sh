#!/usr/bin/env bash
# OrleansSweep benchmarks (issue 7) and their NumPy peers, measured in the same run, then the ratios.
#   benchmarks/run.sh [all|kernels|cells|peers|summary]     (default: all; ~20 min on 2 cores)
# kernels: BenchmarkDotNet kernel + hot-loop suites, managed and OpenBLAS
# cells:   whole-cell suites (OpenBLAS; the Lyapunov cell also managed)
# peers:   wall + CPU-time Lyapunov probe, NumPy peers, the 2-core sweep comparison, engine overhead and memory,
#          the single-cell realisation comparison (1 cell × 4 realisations, N = 256), the embedded engine's overhead,
#          cold start and memory, and the cluster over a private Redis (overhead per cell, 1 vs 2 silo processes, kill -9)
# Results: benchmarks/artifacts/{results/*.csv,*.md,peers.jsonl,engine.md,cluster.md}; summary printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
art=benchmarks/artifacts
mkdir -p "$art"
export OPENBLAS_NUM_THREADS=1   # one BLAS thread: the cores go to cells and realisations (issue 7)

dotnet_cli() { if command -v dn >/dev/null 2>&1; then dn "$@"; else dotnet "$@"; fi; }
avx512() { sed -E 's/"bench": "([a-z_]+)"/"bench": "\1_avx512"/'; }
python_with_numpy() {
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import numpy' >/dev/null 2>&1; then echo "$p"; return; fi
  done
  echo ""
}

if [ "$what" != summary ]; then
  # The solution, not only the benchmarks: the cluster probe starts the silo executable built in silo/bin/Release.
  dotnet_cli build OrleansSweep.sln -c Release -nologo -v q
  # Run a copy, so that a rebuild during a long run cannot replace the binaries under it.
  rm -rf "$art/bin" && cp -r benchmarks/OrleansSweep.Benchmarks/bin/Release/net10.0 "$art/bin"
fi
bench="$art/bin/OrleansSweep.Benchmarks"
{ lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Flags)' | cut -c1-200; env | grep '^OPENBLAS_' || true; uptime; } > "$art/machine.txt"

if [ "$what" = all ] || [ "$what" = kernels ]; then
  "$bench" --filter '*.Kernels.*' '*.HotLoop.*' --artifacts "$art"
fi

if [ "$what" = all ] || [ "$what" = cells ]; then
  ORLEANSSWEEP_BENCH_KERNELS=openblas "$bench" --filter '*SpectrumCell*' '*FixedPointCell*' --artifacts "$art"
  "$bench" --filter '*LyapunovCell*' --artifacts "$art"
fi

if [ "$what" = all ] || [ "$what" = peers ]; then
  peers="$art/peers.jsonl"
  : > "$peers"
  "$bench" lyapunov 5 256 | tee -a "$peers"
  ORLEANSSWEEP_BENCH_KERNELS=openblas "$bench" lyapunov 5 255 | tee -a "$peers"
  py=$(python_with_numpy)
  if [ -n "$py" ]; then
    "$py" benchmarks/numpy/lyapunov_rate.py --repeats 5 | tee -a "$peers"
    "$py" benchmarks/numpy/lyapunov_rate.py --repeats 5 --k 255 | tee -a "$peers"
    "$py" benchmarks/numpy/kernels.py --sizes 256,1024 --eig-sizes 1024 | tee -a "$peers"
    # The best NumPy arrangement on 2 cores: two processes with one BLAS thread each, 64 runs apiece.
    start=$(date +%s.%N)
    "$py" benchmarks/numpy/lyapunov_rate.py --n 128 --k 128 --cells 64 --seed 0 > "$art/numpy-sweep-0.json" &
    "$py" benchmarks/numpy/lyapunov_rate.py --n 128 --k 128 --cells 64 --seed 1000 > "$art/numpy-sweep-1.json" &
    wait
    end=$(date +%s.%N)
    echo "{\"bench\": \"numpy_lyapunov_sweep_2proc\", \"n\": 128, \"runs\": 128, \"total_s\": $(python3 -c "print(round($end - $start, 3))"), \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$peers"
    # One cell × 4 realisations at N = 256 (full spectrum): NumPy's best on 2 cores is 2 processes × 2 realisations.
    start=$(date +%s.%N)
    "$py" benchmarks/numpy/lyapunov_rate.py --n 256 --k 256 --cells 2 --seed 0 > "$art/numpy-cell-0.json" &
    "$py" benchmarks/numpy/lyapunov_rate.py --n 256 --k 256 --cells 2 --seed 1000 > "$art/numpy-cell-1.json" &
    wait
    end=$(date +%s.%N)
    echo "{\"bench\": \"numpy_lyapunov_sweep_2proc\", \"n\": 256, \"runs\": 4, \"total_s\": $(python3 -c "print(round($end - $start, 3))"), \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$peers"
    if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
      # The AVX-512 kernels, which the product asks OpenBLAS for on such CPUs unless OPENBLAS_CORETYPE is already set
      # (this machine's environment pins Haswell): ours and NumPy's on the same kernels, and that DGEMM rate.
      OPENBLAS_CORETYPE=SkylakeX ORLEANSSWEEP_BENCH_KERNELS=openblas "$bench" lyapunov 5 256 | avx512 | tee -a "$peers"
      OPENBLAS_CORETYPE=SkylakeX "$py" benchmarks/numpy/lyapunov_rate.py --repeats 5 | avx512 | tee -a "$peers"
      OPENBLAS_CORETYPE=SkylakeX "$py" benchmarks/numpy/kernels.py --sizes 256 --eig-sizes '' | avx512 | tee -a "$peers"
    fi
  else
    echo "NumPy not found (Debian: apt-get install python3-numpy): NumPy peers skipped" >&2
  fi
  "$bench" throughput 64 2 128 | tee -a "$peers"
  "$bench" throughput 1 4 256 | tee -a "$peers"
  "$bench" engine 2000 100000 | tee "$art/engine.md"
  benchmarks/coldstart.sh 3 | tee -a "$peers"
  if [ -x /usr/bin/redis-server ]; then
    # A private Redis on 127.0.0.1 and silo processes: overhead per trivial cell, 1 vs 2 silos, kill -9 of a silo.
    "$bench" cluster | tee "$art/cluster.md"
  else
    echo "redis-server not installed (Debian: apt-get install redis-server): cluster probe skipped" >&2
  fi
fi

python3 benchmarks/summarize.py "$art"
