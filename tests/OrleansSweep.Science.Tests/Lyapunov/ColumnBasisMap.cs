using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Tests.Lyapunov;

/// <summary>A map seen without its optional capabilities, so that the Lyapunov loop keeps the basis in columns.</summary>
internal sealed class ColumnBasisMap(IDiscreteMap inner) : IDiscreteMap
{
    public int Dimension => inner.Dimension;

    public TimeKind Time => inner.Time;

    public double TimeStep => inner.TimeStep;

    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result) => inner.Evaluate(t, x, result);

    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian) => inner.Jacobian(t, x, jacobian);

    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result) =>
        inner.JacobianTimes(t, x, basis, columns, result);
}
