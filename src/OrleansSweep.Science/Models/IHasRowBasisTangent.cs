namespace OrleansSweep.Science.Models;

/// <summary>
/// An optional capability of a discrete map: its tangent map on a basis stored one vector per row (k×Dimension,
/// row-major), result[j, :] = DF(x)·basis[j, :] for every row j.
/// </summary>
/// <remarks>
/// Why: for the rate network the product is then basis·Jᵀ, which OpenBLAS runs 5% faster than J·basis on the usual
/// Dimension×k layout (610 vs 640 µs at N = k = 256), and the Cholesky QR of the rows is faster as well. The Lyapunov
/// loop uses it when <see cref="SupportsRowBasisTangent"/> is true. Must agree with
/// <see cref="IDynamicalSystem.JacobianTimes"/> on the transposed basis to rounding; result must not overlap x or basis.
/// </remarks>
public interface IHasRowBasisTangent
{
    /// <summary>Whether <see cref="RowBasisJacobianTimes"/> may be called (a wrapper may support it only for some flows).</summary>
    bool SupportsRowBasisTangent { get; }

    /// <summary>result (rows × Dimension) ← the tangent map applied to each row of <paramref name="basis"/>.</summary>
    void RowBasisJacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int rows, Span<double> result);
}
