#!/usr/bin/env python3
"""The NumPy peer of LyapunovCellBenchmarks (issue 7): the full Lyapunov spectrum of the rate network
dh/dt = -h + J tanh(h), J_ij ~ N(0, g^2/N), Euler step dt, written the way a researcher writes it:
Q <- Q + dt(-Q + J (phi' * Q)) every step, np.linalg.qr (dgeqrf + dorgqr) every t_ONS.

Run with one BLAS thread (OPENBLAS_NUM_THREADS=1, set below unless already set). Prints one JSON line per
repeat and a final summary line with the median, e.g.
  {"bench": "numpy_lyapunov_rate", "n": 256, "k": 256, "steps": 2000, "median_s": ..., "gflops": ...}
Usage: lyapunov_rate.py [--n 256] [--k 256] [--steps 2000] [--repeats 5] [--cells 1 --seed 0]
(--cells runs that many independent networks back to back, for the whole-sweep comparison).
"""
import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402  (the thread count must be set before NumPy loads OpenBLAS)


def lyapunov_spectrum(J, h, Q, dt, steps, ons_steps):
    """Benettin/QR: returns the k exponents per time unit (descending)."""
    sums = np.zeros(Q.shape[1])
    for s in range(steps):
        slope = 1.0 - np.tanh(h) ** 2
        Q = Q + dt * (-Q + J @ (slope[:, None] * Q))
        h = h + dt * (-h + J @ np.tanh(h))
        if (s + 1) % ons_steps == 0:
            Q, R = np.linalg.qr(Q)
            sums += np.log(np.abs(np.diag(R)))
    return np.sort(sums / (steps * dt))[::-1]


def one_cell(n, k, g, dt, steps, ons_steps, seed):
    rng = np.random.default_rng(seed)
    J = rng.normal(0.0, g / np.sqrt(n), (n, n))
    h = rng.normal(0.0, 1.0, n)
    Q, _ = np.linalg.qr(rng.normal(size=(n, k)))
    start, cpu = time.perf_counter(), time.process_time()
    spectrum = lyapunov_spectrum(J, h, Q, dt, steps, ons_steps)
    return time.perf_counter() - start, time.process_time() - cpu, spectrum


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=256)
    p.add_argument("--k", type=int, default=256)
    p.add_argument("--g", type=float, default=2.0)
    p.add_argument("--dt", type=float, default=0.1)
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--ons", type=float, default=1.0, help="t_ONS in time units")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--cells", type=int, default=0, help="run this many cells once each (sweep mode)")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    ons_steps = max(1, round(a.ons / a.dt))
    flops = 2.0 * a.n * a.n * a.k * a.steps
    if a.cells > 0:
        start = time.perf_counter()
        for c in range(a.cells):
            one_cell(a.n, a.k, a.g, a.dt, a.steps, ons_steps, a.seed + c)
        total = time.perf_counter() - start
        print(json.dumps({"bench": "numpy_lyapunov_sweep", "n": a.n, "k": a.k, "cells": a.cells, "total_s": total,
                          "cpu_s": time.process_time()}))
        return
    times, cpus = [], []
    for r in range(a.repeats):
        t, cpu, spectrum = one_cell(a.n, a.k, a.g, a.dt, a.steps, ons_steps, a.seed)
        times.append(t)
        cpus.append(cpu)
        print(json.dumps({"repeat": r, "seconds": t, "cpu_s": cpu, "lambda_max": float(spectrum[0]),
                          "sum": float(spectrum.sum())}), file=sys.stderr)
    median, cpu_median = statistics.median(times), statistics.median(cpus)
    print(json.dumps({"bench": "numpy_lyapunov_rate", "n": a.n, "k": a.k, "steps": a.steps, "median_s": median,
                      "median_cpu_s": cpu_median, "gflops": flops / median / 1e9, "gflops_cpu": flops / cpu_median / 1e9,
                      "lambda_max": float(spectrum[0]), "sum": float(spectrum.sum()), "numpy": np.__version__}))


if __name__ == "__main__":
    main()
