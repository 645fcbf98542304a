using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.Kernels;

/// <summary>C ← A·B, all N×N row-major: the machine's DGEMM rate, the yardstick of every other number.</summary>
public class GemmBenchmarks
{
    private IDenseKernels kernels = DenseKernels.Managed;
    private double[] a = [];
    private double[] b = [];
    private double[] c = [];

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params(128, 256, 512, 1024)]
    public int N { get; set; }

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        a = TestMatrices.Gaussian(1, N, N);
        b = TestMatrices.Gaussian(2, N, N);
        c = new double[N * N];
    }

    [Benchmark]
    [Flops(FlopKind.Gemm)]
    public void Gemm() => kernels.Gemm(false, false, N, N, N, 1.0, a, N, b, N, 0.0, c, N);
}
