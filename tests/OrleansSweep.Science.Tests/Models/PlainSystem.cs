using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Tests.Models;

/// <summary>
/// A system seen only through <see cref="IDynamicalSystem"/>: hides the optional capabilities (trace, fused Euler
/// tangent) of the wrapped one, so that the generic fallback paths can be compared with the direct ones.
/// </summary>
internal sealed class PlainSystem(IDynamicalSystem inner) : IDynamicalSystem
{
    public int Dimension => inner.Dimension;

    public TimeKind Time => inner.Time;

    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result) => inner.Evaluate(t, x, result);

    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian) => inner.Jacobian(t, x, jacobian);

    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result) =>
        inner.JacobianTimes(t, x, basis, columns, result);
}
