using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// Chooses the fixed-point equation of a system: with the holding gate divided out for the GRU (update gate), the gated
/// RNN (z-gate) and the minimalRNN (u), generic (f, or F − x) otherwise. Only autonomous networks reach here.
/// </summary>
internal static class FixedPointProblems
{
    public static IFixedPointProblem For(IDynamicalSystem system, IDenseKernels kernels) => system switch
    {
        GruNetwork gru => new GruFixedPointProblem(gru, kernels),
        GatedNetwork gated => new GatedFixedPointProblem(gated, kernels),
        MinimalNetwork minimal => new MinimalFixedPointProblem(minimal.Units),
        _ => new SystemFixedPointProblem(system),
    };
}
