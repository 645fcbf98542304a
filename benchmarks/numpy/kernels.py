#!/usr/bin/env python3
"""NumPy peers of the kernel benchmarks on the same OpenBLAS, one BLAS thread: DGEMM (A @ B) and all eigenvalues
(np.linalg.eigvals -> dgeev without vectors) at the given sizes; medians of --repeats runs, one JSON line per case.
Usage: kernels.py [--sizes 256,1024] [--eig-sizes 1024] [--repeats 5]
"""
import argparse
import json
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def median_time(fn, repeats):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="256,512,1024")
    p.add_argument("--eig-sizes", default="1024")
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args()
    rng = np.random.default_rng(0)
    for n in [int(s) for s in a.sizes.split(",") if s]:
        A = rng.normal(0, 1 / np.sqrt(n), (n, n))
        B = rng.normal(0, 1 / np.sqrt(n), (n, n))
        t = median_time(lambda: A @ B, max(a.repeats, 7))
        print(json.dumps({"bench": "numpy_gemm", "n": n, "median_s": t, "gflops": 2.0 * n ** 3 / t / 1e9}))
    for n in [int(s) for s in a.eig_sizes.split(",") if s]:
        A = rng.normal(0, 1 / np.sqrt(n), (n, n))
        t = median_time(lambda: np.linalg.eigvals(A), a.repeats)
        print(json.dumps({"bench": "numpy_eigvals", "n": n, "median_s": t}))


if __name__ == "__main__":
    main()
