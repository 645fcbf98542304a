using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>Chooses the fixed-point equation of a system: z-free for the GRU and the gated RNN, generic otherwise.</summary>
internal static class FixedPointProblems
{
    public static IFixedPointProblem For(IDynamicalSystem system, IDenseKernels kernels) => system switch
    {
        GruNetwork gru => new GruFixedPointProblem(gru, kernels),
        GatedNetwork gated => new GatedFixedPointProblem(gated, kernels),
        _ => new SystemFixedPointProblem(system),
    };
}
