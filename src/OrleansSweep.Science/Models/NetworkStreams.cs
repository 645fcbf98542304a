using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>The random streams a network reads: quenched weights, per-step inputs and per-step untied weights.</summary>
/// <remarks>
/// Each role has its own stream so that, for example, switching inputs on never changes the couplings drawn.
/// Networks only <see cref="RandomStream.Fork"/> these streams (each matrix and each time step gets its own labelled
/// child), so the streams' positions are never advanced and one <see cref="NetworkStreams"/> can build several
/// identical networks.
/// </remarks>
public sealed record NetworkStreams(RandomStream Network, RandomStream Inputs, RandomStream UntiedWeights)
{
    /// <summary>The streams of one realisation of one cell (roles Network, Inputs, UntiedWeights of <see cref="StreamKeys"/>).</summary>
    public static NetworkStreams For(ulong seed, string cellKey, int realization) =>
        new(
            StreamKeys.Stream(seed, cellKey, realization, StreamRole.Network),
            StreamKeys.Stream(seed, cellKey, realization, StreamRole.Inputs),
            StreamKeys.Stream(seed, cellKey, realization, StreamRole.UntiedWeights));
}
