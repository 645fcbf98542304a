namespace OrleansSweep.Science.Models;

/// <summary>
/// An optional capability of an <see cref="IDynamicalSystem"/>: the trace of its Jacobian at a state without forming
/// the Jacobian (O(dimension) work instead of the O(dimension²) of <see cref="IDynamicalSystem.Jacobian"/>).
/// </summary>
/// <remarks>
/// For a flow this is the divergence tr ∂f/∂x, the local phase-space volume growth rate (Liouville) that the sum of
/// all Lyapunov exponents is checked against; the Lyapunov analysis uses it every averaged step when k equals the
/// dimension and falls back to the dense Jacobian for systems without it. Must equal the sum of the diagonal of
/// <see cref="IDynamicalSystem.Jacobian"/> at the same (t, x) to rounding (≈ dimension·ε relative). Same threading
/// rules as the system itself (scratch buffers: one instance per thread).
/// </remarks>
public interface IHasJacobianTrace
{
    /// <summary>tr ∂F_t/∂x (maps) or tr ∂f/∂x (flows) at <paramref name="x"/> (length Dimension).</summary>
    double JacobianTrace(long t, ReadOnlySpan<double> x);
}
