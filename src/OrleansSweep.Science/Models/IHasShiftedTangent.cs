namespace OrleansSweep.Science.Models;

/// <summary>
/// An optional capability of a flow: the tangent map of its forward-Euler step, (I + α·Df(x))·V, computed in fused form
/// (the shift folded into the β of the matrix products) rather than as Df(x)·V followed by V + α·(…).
/// </summary>
/// <remarks>
/// <see cref="Integration.FlowMaps.Euler"/> uses it with α = dt when the flow implements it: for the rate network
/// (I + dt·Df)V = (1 − dt)·V + dt·J·([φ']V) is one pre-scaled copy and one GEMM with β = 1, one pass over the N×k basis
/// fewer than scale, GEMM, subtract and axpy (−7 % of a tangent step at N = k = 256, benchmarks/README.md). Must agree
/// with V + α·<see cref="IDynamicalSystem.JacobianTimes"/> to rounding. Same shapes, overlap rules and threading as
/// <see cref="IDynamicalSystem.JacobianTimes"/>.
/// </remarks>
public interface IHasShiftedTangent
{
    /// <summary>
    /// <paramref name="result"/> = (I + <paramref name="alpha"/>·J(t, x))·V for V row-major Dimension × <paramref name="columns"/>;
    /// result must not overlap x or basis.
    /// </summary>
    void ShiftedJacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, double alpha, Span<double> result);
}
