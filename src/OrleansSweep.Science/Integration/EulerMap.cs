using System.Numerics.Tensors;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Integration;

/// <summary>F(x) = x + dt f(x) with the exact tangent map I + dt·Df(x) (see <see cref="FlowMaps"/>).</summary>
/// <remarks>
/// A flow that implements <see cref="IHasShiftedTangent"/> computes (I + dt·Df)V itself in fused form (the shift goes
/// into the β of its GEMMs); any other flow takes Df·V and one axpy pass.
/// </remarks>
internal sealed class EulerMap : IDiscreteMap, IHasRowBasisTangent
{
    private readonly IDynamicalSystem flow;
    private readonly IHasShiftedTangent? shifted;
    private readonly IHasRowBasisShiftedTangent? rowBasis;
    private readonly double dt;
    private readonly double[] velocity;

    public EulerMap(IDynamicalSystem flow, double dt)
    {
        this.flow = flow;
        this.dt = dt;
        shifted = flow as IHasShiftedTangent;
        rowBasis = flow as IHasRowBasisShiftedTangent;
        velocity = new double[flow.Dimension];
    }

    public int Dimension => flow.Dimension;

    public TimeKind Time => TimeKind.Discrete;

    /// <summary>True when the flow computes its shifted tangent on a basis of one vector per row.</summary>
    public bool SupportsRowBasisTangent => rowBasis is not null;

    public double TimeStep => dt;

    /// <summary>result ← x + dt f(x); result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        flow.Evaluate(t, x, velocity);
        TensorPrimitives.MultiplyAdd(velocity, dt, x, result[..Dimension]);
    }

    /// <summary>jacobian ← I + dt·Df(x).</summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        var n = Dimension;
        flow.Jacobian(t, x, jacobian);
        var block = jacobian[..(n * n)];
        TensorPrimitives.Multiply(block, dt, block);
        for (var i = 0; i < n; i++)
        {
            block[i * n + i] += 1.0;
        }
    }

    /// <summary>result[j, :] ← (I + dt·Df(x))·basis[j, :]; only when <see cref="SupportsRowBasisTangent"/>.</summary>
    /// <exception cref="InvalidOperationException">The flow has no row-basis tangent.</exception>
    public void RowBasisJacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int rows, Span<double> result)
    {
        if (rowBasis is null)
        {
            throw new InvalidOperationException($"{flow.GetType().Name} has no row-basis tangent; check SupportsRowBasisTangent first.");
        }

        rowBasis.RowBasisShiftedJacobianTimes(t, x, basis, rows, dt, result);
    }

    /// <summary>result ← V + dt·Df(x)·V; result must not overlap x or basis.</summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        if (shifted is not null)
        {
            shifted.ShiftedJacobianTimes(t, x, basis, columns, dt, result);
            return;
        }

        var length = Dimension * columns;
        flow.JacobianTimes(t, x, basis, columns, result);
        TensorPrimitives.MultiplyAdd(result[..length], dt, basis[..length], result[..length]);
    }
}
