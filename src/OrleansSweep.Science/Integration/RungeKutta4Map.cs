using System.Numerics.Tensors;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Integration;

/// <summary>
/// The classical RK4 step with its exact tangent map (chain rule through the four stages; see <see cref="FlowMaps"/>).
/// The dense Jacobian is the tangent map applied to the identity.
/// </summary>
internal sealed class RungeKutta4Map : IDiscreteMap
{
    private readonly IDynamicalSystem flow;
    private readonly double dt;
    private readonly double[] k1;
    private readonly double[] k2;
    private readonly double[] k3;
    private readonly double[] k4;
    private readonly double[] x2;
    private readonly double[] x3;
    private readonly double[] x4;
    private readonly Scratch stageInput = new();
    private readonly Scratch stageOutput = new();
    private readonly Scratch identity = new();

    public RungeKutta4Map(IDynamicalSystem flow, double dt)
    {
        this.flow = flow;
        this.dt = dt;
        var n = flow.Dimension;
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        x2 = new double[n];
        x3 = new double[n];
        x4 = new double[n];
    }

    public int Dimension => flow.Dimension;

    public TimeKind Time => TimeKind.Discrete;

    public double TimeStep => dt;

    /// <summary>result ← x + dt/6 (k1 + 2k2 + 2k3 + k4); result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Stages(t, x);
        flow.Evaluate(t, x4, k4);
        var sixth = dt / 6.0;
        var third = dt / 3.0;
        for (var i = 0; i < k1.Length; i++)
        {
            result[i] = x[i] + (sixth * (k1[i] + k4[i]) + third * (k2[i] + k3[i]));
        }
    }

    /// <summary>jacobian ← DF(x), built as the tangent map applied to the identity.</summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        var n = Dimension;
        var eye = identity.Get(n * n);
        eye.Clear();
        for (var i = 0; i < n; i++)
        {
            eye[i * n + i] = 1.0;
        }

        JacobianTimes(t, x, eye, n, jacobian);
    }

    /// <summary>result ← DF(x)·V through the four stages; result must not overlap x or basis.</summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        var length = Dimension * columns;
        var v = basis[..length];
        var acc = result[..length];
        var input = stageInput.Get(length);
        var output = stageOutput.Get(length);

        Stages(t, x);

        // K1 = Df(x) V; acc = V + dt/6 K1; input = V + dt/2 K1.
        flow.JacobianTimes(t, x, v, columns, output);
        TensorPrimitives.MultiplyAdd(output, dt / 6.0, v, acc);
        TensorPrimitives.MultiplyAdd(output, dt / 2.0, v, input);

        // K2 = Df(x2) input; acc += dt/3 K2; input = V + dt/2 K2.
        flow.JacobianTimes(t, x2, input, columns, output);
        TensorPrimitives.MultiplyAdd(output, dt / 3.0, acc, acc);
        TensorPrimitives.MultiplyAdd(output, dt / 2.0, v, input);

        // K3 = Df(x3) input; acc += dt/3 K3; input = V + dt K3.
        flow.JacobianTimes(t, x3, input, columns, output);
        TensorPrimitives.MultiplyAdd(output, dt / 3.0, acc, acc);
        TensorPrimitives.MultiplyAdd(output, dt, v, input);

        // K4 = Df(x4) input; acc += dt/6 K4.
        flow.JacobianTimes(t, x4, input, columns, output);
        TensorPrimitives.MultiplyAdd(output, dt / 6.0, acc, acc);
    }

    /// <summary>k1 = f(x), x2 = x + dt/2 k1, k2 = f(x2), x3 = x + dt/2 k2, k3 = f(x3), x4 = x + dt k3.</summary>
    private void Stages(long t, ReadOnlySpan<double> x)
    {
        var half = dt / 2.0;
        flow.Evaluate(t, x, k1);
        TensorPrimitives.MultiplyAdd(k1, half, x, x2);
        flow.Evaluate(t, x2, k2);
        TensorPrimitives.MultiplyAdd(k2, half, x, x3);
        flow.Evaluate(t, x3, k3);
        TensorPrimitives.MultiplyAdd(k3, dt, x, x4);
    }
}
