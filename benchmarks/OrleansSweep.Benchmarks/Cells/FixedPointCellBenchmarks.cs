using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.FixedPoints;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Benchmarks.Cells;

/// <summary>
/// The fixed-point cell of issues 3 and 7: 256 damped-Newton starts on the rate network (g = 1.5, Euler dt = 0.05,
/// default options: a quarter trajectory starts, scales 0.1 and 1), de-duplication and classification; starts/s at
/// N = 50, 100, 200.
/// </summary>
[WarmupCount(1)]
[IterationCount(5)]
public class FixedPointCellBenchmarks
{
    private const int Starts = 256;
    private IDenseKernels kernels = DenseKernels.Managed;
    private IRecurrentNetwork network = null!;
    private FixedPointOptions options = FixedPointOptions.Default;

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params(50, 100, 200)]
    public int N { get; set; }

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        network = Networks.Rate(N, 1.5, 0.05, kernels);
        options = FixedPointOptions.Default with { Starts = Starts };
        var report = Find();
        Console.WriteLine($"// fixed points N = {N}, {Kernels}: {report.Outcome.Status}, {report.Distinct} distinct, {report.FailedStarts} failed, {report.SlowPointsRejected} slow");
    }

    [Benchmark]
    [Throughput("starts", Starts)]
    public FixedPointReport Find256Starts() => Find();

    private FixedPointReport Find() => FixedPointFinder.Find(network, new RandomStream(5), options, kernels, CancellationToken.None);
}
