using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Models;

/// <summary>Builds a network of any family from a <see cref="NetworkSpec"/>, its random streams and the dense kernels.</summary>
/// <remarks>
/// The result is a pure function of (spec, streams, kernel implementation): each weight array comes from its own
/// labelled child of <see cref="NetworkStreams.Network"/> (orders documented on each network class), so building twice
/// gives bit-identical weights and trajectories. Orthogonal CPS weights go through <see cref="IDenseKernels.QrThin"/>
/// and can differ between kernel implementations in the last bits. Cost: O(N²) draws (O(N³) for orthogonal weights).
/// </remarks>
public static class NetworkFactory
{
    /// <summary>A new network; throws <see cref="ArgumentException"/> for N &lt; 1, unknown parameters or out-of-range values.</summary>
    public static IRecurrentNetwork Create(NetworkSpec spec, NetworkStreams streams, IDenseKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(kernels);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.N, 1, nameof(spec));
        var n = spec.N;
        var parameters = ParameterValues.Resolve(spec.Family, spec.Parameters);
        return spec.Family switch
        {
            ModelFamily.Vanilla => new VanillaNetwork(n, parameters, streams, kernels),
            ModelFamily.Rate => RateNetwork.Draw(n, parameters, streams, kernels),
            ModelFamily.Minimal => new MinimalNetwork(n, parameters, streams, kernels),
            ModelFamily.Gru => GruNetwork.Draw(n, parameters, streams, kernels),
            ModelFamily.Lstm => LstmNetwork.Draw(n, parameters, streams, kernels),
            ModelFamily.Gated => GatedNetwork.Draw(n, parameters, streams, kernels),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Family, "Unknown model family."),
        };
    }
}
