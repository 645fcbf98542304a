using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.Kernels;

/// <summary>A·x = b by LU with partial pivoting, one right-hand side: the Newton step of the fixed-point finder.</summary>
/// <remarks>Each operation first restores A and b (an O(N²) copy, part of the time: ≈ 5% at N = 128).</remarks>
public class LuSolveBenchmarks
{
    private IDenseKernels kernels = DenseKernels.Managed;
    private double[] matrix = [];
    private double[] rhs = [];
    private double[] factors = [];
    private double[] solution = [];

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params(128, 256, 512, 1024)]
    public int N { get; set; }

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        matrix = TestMatrices.Gaussian(6, N, N);
        for (var i = 0; i < N; i++)
        {
            // −I + J, the shape of a flow's Jacobian: comfortably non-singular.
            matrix[(i * N) + i] -= 1.0;
        }

        rhs = TestMatrices.Gaussian(7, N, 1);
        factors = new double[N * N];
        solution = new double[N];
    }

    [Benchmark]
    [Flops(FlopKind.LuSolve)]
    public bool LuSolve()
    {
        matrix.CopyTo(factors, 0);
        rhs.CopyTo(solution, 0);
        return kernels.LuSolve(factors, N, solution, 1);
    }
}
