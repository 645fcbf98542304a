using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using OrleansSweep.Science.Spectra;

namespace OrleansSweep.Benchmarks.Cells;

/// <summary>
/// One Jacobian spectrum at a state (dense Jacobian, all eigenvalues, random-matrix prediction) at dimension ≈ 1024:
/// the gated RNN N = 341 (state 3N = 1023) and the rate network N = 1024.
/// </summary>
[WarmupCount(1)]
[IterationCount(5)]
public class SpectrumCellBenchmarks
{
    private IDenseKernels kernels = DenseKernels.Managed;
    private IRecurrentNetwork network = null!;
    private double[] state = [];

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params("gated N=341", "rate N=1024")]
    public string Model { get; set; } = "rate N=1024";

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        network = Model.StartsWith("gated", StringComparison.Ordinal) ? Networks.Gated(341, kernels) : Networks.Rate(1024, 2.0, 0.05, kernels);
        state = new double[network.Dimension];
        network.InitialState(new RandomStream(4), 1.0, state);
    }

    [Benchmark]
    public SpectrumResult SpectrumAtState() =>
        JacobianSpectrum.AtState(network, state, 0, new SpectrumOptions { Samples = 1, KeepEigenvalues = false }, kernels, CancellationToken.None);
}
