using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.Kernels;

/// <summary>y ← A·x with A N×N: the state step of every model (memory-bound: 8N² bytes per 2N² flops).</summary>
public class GemvBenchmarks
{
    private IDenseKernels kernels = DenseKernels.Managed;
    private double[] a = [];
    private double[] x = [];
    private double[] y = [];

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params(128, 256, 512, 1024)]
    public int N { get; set; }

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        a = TestMatrices.Gaussian(3, N, N);
        x = TestMatrices.Gaussian(4, N, 1);
        y = new double[N];
    }

    [Benchmark]
    [Flops(FlopKind.Gemv)]
    public void Gemv() => kernels.Gemv(false, N, N, 1.0, a, N, x, 0.0, y);
}
