using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Lyapunov;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.Lyapunov;

/// <summary>Networks and seeded runs shared by the Lyapunov and spectrum tests.</summary>
internal static class AnalysisNetworks
{
    /// <summary>The process default (OpenBLAS when loadable unless ORLEANSSWEEP_KERNELS=managed).</summary>
    public static IDenseKernels Kernels => DenseKernels.Default;

    public static IRecurrentNetwork Create(ModelFamily family, int n, ulong seed, params (string Name, double Value)[] parameters) =>
        NetworkFactory.Create(
            new NetworkSpec(family, n, parameters.ToDictionary(p => p.Name, p => p.Value)),
            NetworkStreams.For(seed, $"analysis-tests/{family}/{n}", 0),
            Kernels);

    /// <summary>A run with initial state, basis and twin streams derived from <paramref name="seed"/>.</summary>
    public static LyapunovResult RunLyapunov(IRecurrentNetwork network, ulong seed, LyapunovOptions options, CancellationToken ct = default) =>
        LyapunovAnalysis.Run(
            network,
            StreamKeys.Stream(seed, "analysis-tests", 0, StreamRole.InitialState),
            StreamKeys.Stream(seed, "analysis-tests", 0, StreamRole.Basis),
            StreamKeys.Stream(seed, "analysis-tests", 0, StreamRole.TwinPerturbation),
            options,
            Kernels,
            ct);

    public static RandomStream InitialStream(ulong seed) => StreamKeys.Stream(seed, "analysis-tests", 0, StreamRole.InitialState);
}
