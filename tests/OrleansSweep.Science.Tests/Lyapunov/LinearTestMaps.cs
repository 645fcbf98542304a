using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.Lyapunov;

/// <summary>x_{t+1} = A x_t (or dx/dt = A x with <see cref="TimeKind.Continuous"/>): exponents known in closed form.</summary>
internal sealed class LinearSystem(double[] a, int dimension, IDenseKernels kernels, TimeKind time = TimeKind.Discrete, double timeStep = 1.0)
    : IDiscreteMap
{
    public int Dimension => dimension;

    public TimeKind Time => time;

    public double TimeStep => timeStep;

    /// <summary>Evaluate calls so far (used to cancel part-way through a run).</summary>
    public long Evaluations { get; private set; }

    public Action<long>? OnEvaluate { get; init; }

    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Evaluations++;
        OnEvaluate?.Invoke(Evaluations);
        kernels.Gemv(false, dimension, dimension, 1.0, a, dimension, x, 0.0, result);
    }

    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian) => a.CopyTo(jacobian);

    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result) =>
        kernels.Gemm(false, false, dimension, columns, dimension, 1.0, a, dimension, basis, columns, 0.0, result, columns);
}

/// <summary>Normal test matrices O·B·Oᵀ with B block-diagonal (scaled rotations and reals) and O a random orthogonal matrix.</summary>
internal static class NormalMatrices
{
    /// <summary>
    /// The matrix and the log-moduli of its eigenvalues (descending): a block ρR(θ) contributes log ρ twice, a real d
    /// contributes log|d|.
    /// </summary>
    public static (double[] Matrix, double[] LogModuli) Build(
        (double Rho, double Theta)[] rotations, double[] reals, ulong seed, IDenseKernels kernels)
    {
        var n = (2 * rotations.Length) + reals.Length;
        var b = new double[n * n];
        var logs = new List<double>();
        var k = 0;
        foreach (var (rho, theta) in rotations)
        {
            b[(k * n) + k] = rho * Math.Cos(theta);
            b[(k * n) + k + 1] = -rho * Math.Sin(theta);
            b[((k + 1) * n) + k] = rho * Math.Sin(theta);
            b[((k + 1) * n) + k + 1] = rho * Math.Cos(theta);
            logs.Add(Math.Log(rho));
            logs.Add(Math.Log(rho));
            k += 2;
        }

        foreach (var d in reals)
        {
            b[(k * n) + k] = d;
            logs.Add(Math.Log(Math.Abs(d)));
            k++;
        }

        var o = new double[n * n];
        new RandomStream(seed).FillGaussian(o);
        kernels.QrThin(o, n, n, new double[n * n]);
        var ob = new double[n * n];
        var a = new double[n * n];
        kernels.Gemm(false, false, n, n, n, 1.0, o, n, b, n, 0.0, ob, n);
        kernels.Gemm(false, true, n, n, n, 1.0, ob, n, o, n, 0.0, a, n);
        return (a, logs.OrderDescending().ToArray());
    }
}
