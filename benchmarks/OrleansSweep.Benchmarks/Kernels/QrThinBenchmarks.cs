using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.Kernels;

/// <summary>
/// Thin QR of an N×(N/4) matrix with Q formed: the re-orthonormalisation of a Lyapunov run with k = N/4 exponents.
/// Each operation first restores the input (an O(N²/4) copy, part of the time).
/// </summary>
public class QrThinBenchmarks
{
    private IDenseKernels kernels = DenseKernels.Managed;
    private double[] source = [];
    private double[] work = [];
    private double[] r = [];

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params(128, 256, 512, 1024)]
    public int N { get; set; }

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    private int Columns => N / 4;

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        source = TestMatrices.Gaussian(5, N, Columns);
        work = new double[source.Length];
        r = new double[Columns * Columns];
    }

    [Benchmark]
    [Flops(FlopKind.QrThinQuarter)]
    public void QrThin()
    {
        source.CopyTo(work, 0);
        kernels.QrThin(work, N, Columns, r);
    }
}
