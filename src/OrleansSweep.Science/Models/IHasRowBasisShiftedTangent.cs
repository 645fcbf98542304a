namespace OrleansSweep.Science.Models;

/// <summary>
/// An optional capability of a flow: <see cref="IHasShiftedTangent"/> on a basis stored one vector per row, so that the
/// Euler map can offer <see cref="IHasRowBasisTangent"/>.
/// </summary>
public interface IHasRowBasisShiftedTangent
{
    /// <summary>
    /// result[j, :] = (I + <paramref name="alpha"/>·J(t, x))·basis[j, :] for the rows × Dimension basis; result must not
    /// overlap x or basis.
    /// </summary>
    void RowBasisShiftedJacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int rows, double alpha, Span<double> result);
}
