using System.Numerics;
using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.Kernels;

/// <summary>All eigenvalues (no vectors) of a general N×N matrix: dgeev vs balancing + Hessenberg + Francis QR.</summary>
/// <remarks>No GFLOP/s: the QR iteration's work depends on the spectrum, there is no fixed flop count.</remarks>
public class EigenvalueBenchmarks
{
    private IDenseKernels kernels = DenseKernels.Managed;
    private double[] matrix = [];
    private Complex[] eigenvalues = [];

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params(128, 256, 512, 1024)]
    public int N { get; set; }

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        matrix = TestMatrices.Gaussian(8, N, N);
        eigenvalues = new Complex[N];
    }

    [Benchmark]
    public bool Eigenvalues() => kernels.Eigenvalues(matrix, N, eigenvalues);
}
