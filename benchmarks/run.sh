#!/usr/bin/env bash
# OrleansSweep benchmarks (issue 7) and their NumPy peers, measured in the same run, then the ratios.
#   benchmarks/run.sh [all|kernels|cells|peers|summary]     (default: all; ~20 min on 2 cores)
# kernels: BenchmarkDotNet kernel + hot-loop suites, managed and OpenBLAS
# cells:   whole-cell suites (OpenBLAS; the Lyapunov cell also managed)
# peers:   wall + CPU-time Lyapunov probe, NumPy peers, the 2-core sweep comparison, engine overhead and memory,
#          and the cluster over a private RabbitMQ (overhead per cell, 1 vs 2 silo processes)
# Results: benchmarks/artifacts/{results/*.csv,*.md,peers.jsonl,engine.md}; summary printed at the end.
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
  dotnet_cli build benchmarks/OrleansSweep.Benchmarks -c Release -nologo -v q
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
    echo "{\"bench\": \"numpy_lyapunov_sweep_2proc\", \"n\": 128, \"runs\": 128, \"total_s\": $(python3 -c "print(round($end - $start, 3))")}" | tee -a "$peers"
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
  "$bench" engine 1000 10000 | tee "$art/engine.md"
  if command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    # A private broker on 127.0.0.1 and silo processes: overhead per trivial cell, then 1 vs 2 worker silos.
    "$bench" broker | tee -a "$peers"
  else
    echo "rabbitmq-server not installed (Debian: apt-get install rabbitmq-server): broker probe skipped" >&2
  fi
fi

python3 benchmarks/summarize.py "$art"
