using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Tests.FixedPoints;

/// <summary>Small dynamical systems with fixed points known in closed form (or by bisection).</summary>
internal abstract class SmallSystem(int dimension, TimeKind time) : IDynamicalSystem
{
    public int Dimension { get; } = dimension;

    public TimeKind Time { get; } = time;

    /// <summary>How many times <see cref="Evaluate"/> has run (lets a test cancel deterministically mid-search).</summary>
    public long Evaluations { get; private set; }

    public Action<long>? OnEvaluate { get; init; }

    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Evaluations++;
        OnEvaluate?.Invoke(Evaluations);
        Compute(x, result);
    }

    public abstract void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian);

    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        var n = Dimension;
        var jacobian = new double[n * n];
        Jacobian(t, x, jacobian);
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    sum += jacobian[(i * n) + j] * basis[(j * columns) + c];
                }

                result[(i * columns) + c] = sum;
            }
        }
    }

    protected abstract void Compute(ReadOnlySpan<double> x, Span<double> result);
}

/// <summary>The scalar map h ↦ tanh(w h): one fixed point (0) for w ≤ 1; three (0, ±h*) for w &gt; 1.</summary>
internal sealed class ScalarTanhMap(double w) : SmallSystem(1, TimeKind.Discrete)
{
    public override void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        var y = Math.Tanh(w * x[0]);
        jacobian[0] = w * (1.0 - (y * y));
    }

    protected override void Compute(ReadOnlySpan<double> x, Span<double> result) => result[0] = Math.Tanh(w * x[0]);
}

/// <summary>The flow dx/dt = −x + W tanh(x) for a given N×N coupling W (row-major).</summary>
internal sealed class TanhFlow(double[] coupling, int units) : SmallSystem(units, TimeKind.Continuous)
{
    private int n => Dimension;

    /// <summary>W = w·I: decoupled units, 3^N fixed points for w &gt; 1 (each component 0 or ±x*).</summary>
    public static TanhFlow Decoupled(double w, int n)
    {
        var coupling = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            coupling[(i * n) + i] = w;
        }

        return new TanhFlow(coupling, n);
    }

    public override void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var y = Math.Tanh(x[j]);
                jacobian[(i * n) + j] = (coupling[(i * n) + j] * (1.0 - (y * y))) - (i == j ? 1.0 : 0.0);
            }
        }
    }

    protected override void Compute(ReadOnlySpan<double> x, Span<double> result)
    {
        Span<double> y = stackalloc double[n];
        for (var j = 0; j < n; j++)
        {
            y[j] = Math.Tanh(x[j]);
        }

        for (var i = 0; i < n; i++)
        {
            var sum = -x[i];
            for (var j = 0; j < n; j++)
            {
                sum += coupling[(i * n) + j] * y[j];
            }

            result[i] = sum;
        }
    }
}

/// <summary>
/// dx/dt = x² + c, dy/dt = −y with c &gt; 0: no fixed point, but q = ½|f|² has a local minimum (a slow point)
/// at the origin, where |f| = c.
/// </summary>
internal sealed class SaddleNodeGhostFlow(double c) : SmallSystem(2, TimeKind.Continuous)
{
    public override void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        jacobian[0] = 2.0 * x[0];
        jacobian[1] = 0.0;
        jacobian[2] = 0.0;
        jacobian[3] = -1.0;
    }

    protected override void Compute(ReadOnlySpan<double> x, Span<double> result)
    {
        result[0] = (x[0] * x[0]) + c;
        result[1] = -x[1];
    }
}

/// <summary>Independent references for the closed-form cases.</summary>
internal static class Roots
{
    /// <summary>The positive root of x = a·tanh(b·x) (a·b &gt; 1) by bisection on [1e-9, a].</summary>
    public static double PositiveTanhRoot(double a, double b)
    {
        double lo = 1e-9, hi = a;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if ((a * Math.Tanh(b * mid)) - mid > 0.0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
