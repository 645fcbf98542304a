using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.HotLoop;

/// <summary>
/// Where the time of one re-orthonormalisation (thin QR, N = k = 256) goes with OpenBLAS: the seam's row-major
/// QrThin (LAPACKE transposes in and out around dgeqrf and dorgqr, then signs are normalised) against the bare
/// column-major dgeqrf + dorgqr on the same data, i.e. the LAPACK floor.
/// </summary>
public unsafe class QrLayoutBenchmarks
{
    private OpenBlasNative native = null!;
    private IDenseKernels kernels = DenseKernels.Managed;
    private double[] source = [];
    private double[] work = [];
    private double[] tau = [];
    private double[] r = [];

    [Params(256)]
    public int N { get; set; }

    [Params(256, 64)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        native = OpenBlasNative.TryLoad(out var failure) ?? throw new InvalidOperationException($"OpenBLAS is needed: {failure}");
        kernels = KernelSource.Resolve(KernelSource.OpenBlasName);
        source = TestMatrices.Gaussian(11, N, K);
        work = new double[source.Length];
        tau = new double[K];
        r = new double[K * K];
    }

    [Benchmark(Baseline = true)]
    public void SeamRowMajor()
    {
        source.CopyTo(work, 0);
        kernels.QrThin(work, N, K, r);
    }

    [Benchmark]
    public int LapackColumnMajor()
    {
        source.CopyTo(work, 0);
        fixed (double* pw = work, pt = tau)
        {
            var info = native.Dgeqrf(OpenBlasNative.ColumnMajor, N, K, pw, N, pt);
            return info + native.Dorgqr(OpenBlasNative.ColumnMajor, N, K, K, pw, N, pt);
        }
    }
}
