#!/usr/bin/env python3
"""Ratios of benchmarks/run.sh: reads the BenchmarkDotNet CSV reports (any results/ folder under the artifacts
folder; the newest row of each case wins) and peers.jsonl, prints Markdown tables. Usage: summarize.py ARTIFACTS"""
import csv
import glob
import json
import os
import sys


UNITS_MS = {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "ms": 1.0, "s": 1e3}


def num(text):
    """A number from a CSV cell; a time with a unit (older reports print them) is converted to ms."""
    if text is None:
        return None
    parts = text.replace(",", "").split()
    try:
        value = float(parts[0])
    except (IndexError, ValueError):
        return None
    return value * UNITS_MS[parts[1]] if len(parts) == 2 and parts[1] in UNITS_MS else value


def load_bdn(folder):
    rows = {}
    files = sorted(glob.glob(os.path.join(folder, "**", "*-report.csv"), recursive=True), key=os.path.getmtime)
    for path in files:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                key = (os.path.basename(path).split("-report")[0].split(".")[-1], row["Method"],
                       row.get("Kernels", ""), row.get("N", ""), row.get("K", ""), row.get("Model", ""))
                median = next((num(v) for k, v in row.items() if k.startswith("Median")), None)
                rows[key] = {"median_ms": median, "gflops": num(row.get("GFLOP/s", "")), "row": row}
    return rows


def load_peers(folder):
    peers = {}
    # peers.jsonl and any re-run's *.jsonl under the artifacts folder; the newest file wins per case.
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.jsonl"), recursive=True), key=os.path.getmtime):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line.startswith("{"):
                d = json.loads(line)
                peers[(d.get("bench"), d.get("kernels", ""), d.get("k", d.get("n")))] = d
    return peers


def get(rows, cls, method, kernels="", n="", k="", model=""):
    return rows.get((cls, method, kernels, str(n), str(k), model))


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/artifacts"
    rows, peers = load_bdn(folder), load_peers(folder)
    print("\n## Kernels: median ms, GFLOP/s, managed/OpenBLAS time ratio")
    print("| kernel | N | OpenBLAS ms | GFLOP/s | managed ms | GFLOP/s | managed ÷ OpenBLAS |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for cls, method in [("GemmBenchmarks", "Gemm"), ("GemvBenchmarks", "Gemv"), ("QrThinBenchmarks", "QrThin"),
                        ("LuSolveBenchmarks", "LuSolve"), ("EigenvalueBenchmarks", "Eigenvalues")]:
        for n in (128, 256, 512, 1024):
            o, m = get(rows, cls, method, "openblas", n), get(rows, cls, method, "managed", n)
            if not o and not m:
                continue
            fmt = lambda r, f: "-" if not r or r[f] is None else f"{r[f]:.3f}" if f == "median_ms" else f"{r[f]:.1f}"
            ratio = f"{m['median_ms'] / o['median_ms']:.2f}" if o and m and o["median_ms"] and m["median_ms"] else "-"
            print(f"| {method} | {n} | {fmt(o, 'median_ms')} | {fmt(o, 'gflops')} | {fmt(m, 'median_ms')} | {fmt(m, 'gflops')} | {ratio} |")

    dgemm256 = get(rows, "GemmBenchmarks", "Gemm", "openblas", 256)
    dgemm1024 = get(rows, "GemmBenchmarks", "Gemm", "openblas", 1024)
    print("\n## Targets of issue 7 (ratios within this run)")
    print("| target | measured | baseline (same run) | ratio | met? |")
    print("| --- | --- | --- | ---: | --- |")
    for k in (256, 255):
        cell = get(rows, "LyapunovCellBenchmarks", "FullSpectrum", "openblas", 256, k)
        if cell and dgemm256 and cell["gflops"]:
            base = dgemm256["gflops"]
            r = cell["gflops"] / base
            print(f"| Lyapunov step loop ≥ 80% of DGEMM (k = {k}, wall) | {cell['gflops']:.1f} GFLOP/s | DGEMM N=256 {base:.1f} GFLOP/s | {r:.2f} | {'yes' if r >= 0.8 else 'no'} |")
            if dgemm1024:
                r2 = cell["gflops"] / dgemm1024["gflops"]
                print(f"| same, vs DGEMM N=1024 | {cell['gflops']:.1f} GFLOP/s | {dgemm1024['gflops']:.1f} GFLOP/s | {r2:.2f} | {'yes' if r2 >= 0.8 else 'no'} |")
        probe = peers.get(("dotnet_lyapunov_rate", "openblas", k))
        numpy = peers.get(("numpy_lyapunov_rate", "", k))
        if probe and numpy:
            rw = numpy["median_s"] / probe["median_s"]
            print(f"| Lyapunov ≥ 1.3× NumPy (k = {k}, wall) | {probe['median_s']:.3f} s | NumPy {numpy['median_s']:.3f} s | {rw:.2f} | {'yes' if rw >= 1.3 else 'no'} |")
            if "median_cpu_s" in numpy:
                rc = numpy["median_cpu_s"] / probe["median_cpu_s"]
                print(f"| Lyapunov ≥ 1.3× NumPy (k = {k}, CPU time) | {probe['median_cpu_s']:.3f} s | NumPy {numpy['median_cpu_s']:.3f} s | {rc:.2f} | {'yes' if rc >= 1.3 else 'no'} |")
    eig = get(rows, "EigenvalueBenchmarks", "Eigenvalues", "openblas", 1024)
    npeig = peers.get(("numpy_eigvals", "", 1024))
    if eig and npeig:
        r = eig["median_ms"] / 1000 / npeig["median_s"]
        print(f"| eigenvalues N=1024 within 10% of NumPy dgeev | {eig['median_ms'] / 1000:.3f} s | NumPy {npeig['median_s']:.3f} s | {r:.2f} | {'yes' if r <= 1.1 else 'no'} |")
    npgemm = peers.get(("numpy_gemm", "", 1024))
    if dgemm1024 and npgemm:
        print(f"| (DGEMM N=1024 through the seam vs NumPy) | {dgemm1024['gflops']:.1f} GFLOP/s | NumPy {npgemm['gflops']:.1f} GFLOP/s | {dgemm1024['gflops'] / npgemm['gflops']:.2f} | - |")
    ours, theirs = peers.get(("dotnet_lyapunov_sweep", "", 128)), peers.get(("numpy_lyapunov_sweep_2proc", "", 128))
    if ours and theirs:
        r = theirs["total_s"] / ours["total_s"]
        print(f"| 2-core sweep (64 cells × 2 realisations, N = 128) ≥ 1.3× NumPy 2 processes | {ours['total_s']:.1f} s | NumPy {theirs['total_s']:.1f} s | {r:.2f} | {'yes' if r >= 1.3 else 'no'} |")
    ours, theirs = peers.get(("dotnet_lyapunov_sweep", "", 256)), peers.get(("numpy_lyapunov_sweep_2proc", "", 256))
    if ours and theirs:
        r = theirs["total_s"] / ours["total_s"]
        print(f"| one cell × 4 realisations, N = 256, 2 cores ≥ NumPy 2 processes | {ours['total_s']:.2f} s | NumPy {theirs['total_s']:.2f} s | {r:.2f} | {'yes' if r >= 1.0 else 'no'} |")
    ours, theirs, dgemm = (peers.get(("dotnet_lyapunov_rate_avx512", "openblas", 256)),
                           peers.get(("numpy_lyapunov_rate_avx512", "", 256)), peers.get(("numpy_gemm_avx512", "", 256)))
    if ours and theirs and dgemm:
        print("\n## With OpenBLAS's AVX-512 (SkylakeX) kernels, the product's choice where the environment does not pin one")
        print("| measure | ours | baseline (same run) | ratio |")
        print("| --- | --- | --- | ---: |")
        print(f"| Lyapunov loop vs DGEMM N=256 on the same kernels (CPU time) | {ours['gflops_cpu']:.1f} GFLOP/s | {dgemm['gflops']:.1f} GFLOP/s | {ours['gflops_cpu'] / dgemm['gflops']:.2f} |")
        print(f"| Lyapunov vs NumPy on the same kernels (CPU time) | {ours['median_cpu_s']:.3f} s | {theirs['median_cpu_s']:.3f} s | {theirs['median_cpu_s'] / ours['median_cpu_s']:.2f} |")
        default_numpy = peers.get(("numpy_lyapunov_rate", "", 256))
        if default_numpy:
            print(f"| Lyapunov vs NumPy on the environment's kernels (CPU time) | {ours['median_cpu_s']:.3f} s | {default_numpy['median_cpu_s']:.3f} s | {default_numpy['median_cpu_s'] / ours['median_cpu_s']:.2f} |")
    for name, title in (("engine.md", "Engine, embedded silo"), ("cluster.md", "Cluster over Redis, silo processes")):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            print(f"\n## {title} (benchmarks/artifacts/{name})")
            print(open(path, encoding="utf-8").read())


if __name__ == "__main__":
    main()
