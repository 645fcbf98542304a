using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Benchmarks.Infrastructure;

/// <summary>The networks the cell benchmarks run: fixed seeds, parameters spelled out.</summary>
internal static class Networks
{
    /// <summary>The SCS rate network, Euler with step <paramref name="dt"/>, gain <paramref name="g"/>.</summary>
    public static IRecurrentNetwork Rate(int n, double g, double dt, IDenseKernels kernels) =>
        NetworkFactory.Create(
            new NetworkSpec(ModelFamily.Rate, n, new Dictionary<string, double> { ["g"] = g, ["dt"] = dt, ["integrator"] = 0 }),
            NetworkStreams.For(20240601, $"bench-rate-{n}", 0),
            kernels);

    /// <summary>The PRX gated RNN (state 3N) with both gates on, Euler dt = 0.05.</summary>
    public static IRecurrentNetwork Gated(int n, IDenseKernels kernels) =>
        NetworkFactory.Create(
            new NetworkSpec(ModelFamily.Gated, n, new Dictionary<string, double> { ["gH"] = 3.0, ["alphaZ"] = 2.0, ["alphaR"] = 2.0 }),
            NetworkStreams.For(20240601, $"bench-gated-{n}", 0),
            kernels);
}
