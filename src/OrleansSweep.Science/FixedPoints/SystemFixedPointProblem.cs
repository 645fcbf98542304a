using System.Numerics.Tensors;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// The generic fixed-point equation on the full state, evaluated at t = 0: G = f with ∂G = J for flows, and
/// G = F(x) − x with ∂G = J − I for maps.
/// </summary>
internal sealed class SystemFixedPointProblem(IDynamicalSystem system) : IFixedPointProblem
{
    private readonly bool isMap = system.Time == TimeKind.Discrete;

    public int Dimension => system.Dimension;

    public void Residual(ReadOnlySpan<double> y, Span<double> residual)
    {
        system.Evaluate(0, y, residual);
        if (isMap)
        {
            TensorPrimitives.Subtract(residual, y, residual);
        }
    }

    public void Jacobian(ReadOnlySpan<double> y, Span<double> jacobian)
    {
        system.Jacobian(0, y, jacobian);
        if (isMap)
        {
            var n = Dimension;
            for (var i = 0; i < n; i++)
            {
                jacobian[(i * n) + i] -= 1.0;
            }
        }
    }

    public void Project(ReadOnlySpan<double> state, Span<double> y) => state.CopyTo(y);

    public void Lift(ReadOnlySpan<double> y, Span<double> state) => y.CopyTo(state);
}
