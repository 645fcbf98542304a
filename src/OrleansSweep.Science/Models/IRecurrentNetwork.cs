using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// A randomly initialised recurrent network of one of the six families: the dynamical system itself (a map for
/// vanilla, minimal, GRU and LSTM; a flow for rate and gated) plus the map that analyses iterate.
/// </summary>
/// <remarks>
/// For flows, <see cref="IDynamicalSystem.Evaluate"/> is the vector field and <see cref="IDynamicalSystem.Jacobian"/>
/// its Jacobian; <see cref="StepMap"/> is the Euler or RK4 map with step <c>dt</c>, whose tangent map is the exact
/// derivative of that discrete map. For discrete families <see cref="StepMap"/> is the network itself (TimeStep 1).
/// State layouts: vanilla, rate, minimal, GRU: h ∈ R^N; LSTM: (h, c) ∈ R^{2N}; gated: (h, z, r) ∈ R^{3N}.
/// Not thread-safe (scratch buffers): one instance per thread.
/// </remarks>
public interface IRecurrentNetwork : IDynamicalSystem
{
    ModelFamily Family { get; }

    /// <summary>The number of units N (the state dimension is N, 2N or 3N).</summary>
    int Units { get; }

    /// <summary>All parameters of the family, defaults resolved.</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>
    /// False when the map depends on the step index t (inputs x_t that enter the dynamics, or untied weights redrawn
    /// every step): fixed points are then undefined.
    /// </summary>
    bool IsAutonomous { get; }

    /// <summary>The map an analysis iterates: the network itself (discrete) or its integrator (flows, TimeStep = dt).</summary>
    IDiscreteMap StepMap { get; }

    /// <summary>
    /// A random initial state: every h_i ~ N(0, <paramref name="scale"/>²) drawn from <paramref name="random"/> in unit
    /// order; the other parts of the state are set as each family documents (LSTM: c_i ~ N(0, scale²) drawn after h;
    /// gated: z = J^z φ(h), r = J^r φ(h), i.e. the gates start on their slow manifold).
    /// </summary>
    void InitialState(RandomStream random, double scale, Span<double> state);
}
