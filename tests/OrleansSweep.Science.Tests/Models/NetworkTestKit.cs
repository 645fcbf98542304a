using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.Models;

/// <summary>Builders and numerical helpers shared by the model and integrator tests.</summary>
internal static class NetworkTestKit
{
    public static IDenseKernels Kernels => DenseKernels.Managed;

    public static Dictionary<string, double> P(params (string Name, double Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static IRecurrentNetwork Create(ModelFamily family, int n, IReadOnlyDictionary<string, double> parameters, ulong seed = 11, int realization = 0) =>
        NetworkFactory.Create(new NetworkSpec(family, n, parameters), NetworkStreams.For(seed, $"test/{family}/{n}", realization), Kernels);

    /// <summary>A generic state: every component N(0, scale²) (gates included, so they sit off their slow manifold).</summary>
    public static double[] RandomState(int dimension, ulong seed, double scale = 0.5)
    {
        var x = new double[dimension];
        new RandomStream(seed).FillGaussian(x, scale);
        return x;
    }

    /// <summary>Central differences of Evaluate, column j with step ε(1 + |x_j|): error O(ε²) + O(u/ε).</summary>
    public static double[] FiniteDifferenceJacobian(IDynamicalSystem system, long t, double[] x, double epsilon = 1e-6)
    {
        var d = system.Dimension;
        var jacobian = new double[d * d];
        var plus = new double[d];
        var minus = new double[d];
        var shifted = (double[])x.Clone();
        for (var j = 0; j < d; j++)
        {
            var step = epsilon * (1.0 + Math.Abs(x[j]));
            shifted[j] = x[j] + step;
            system.Evaluate(t, shifted, plus);
            shifted[j] = x[j] - step;
            system.Evaluate(t, shifted, minus);
            shifted[j] = x[j];
            for (var i = 0; i < d; i++)
            {
                jacobian[i * d + j] = (plus[i] - minus[i]) / (2 * step);
            }
        }

        return jacobian;
    }

    public static double[] DenseJacobian(IDynamicalSystem system, long t, double[] x)
    {
        var jacobian = new double[system.Dimension * system.Dimension];
        system.Jacobian(t, x, jacobian);
        return jacobian;
    }

    /// <summary>Naive row-major product A (m×k) · B (k×n).</summary>
    public static double[] Multiply(double[] a, double[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var p = 0; p < k; p++)
            {
                var aip = a[i * k + p];
                for (var j = 0; j < n; j++)
                {
                    c[i * n + j] += aip * b[p * n + j];
                }
            }
        }

        return c;
    }

    /// <summary>The largest |entry| of a matrix.</summary>
    public static double MaxAbs(ReadOnlySpan<double> a)
    {
        var max = 0.0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    /// <summary>
    /// Entrywise |exact − reference| ≤ relative·|exact| + floor·max|exact|: each entry to ~relative, entries far below
    /// the matrix scale to an absolute floor (finite differences cannot resolve those relatively).
    /// Returns the worst ratio of error to allowance (≤ 1 passes) for reporting.
    /// </summary>
    public static double AssertClose(double[] exact, double[] reference, double relative, double floor, string what)
    {
        Assert.Equal(exact.Length, reference.Length);
        var scale = MaxAbs(exact);
        Assert.True(scale > 0, $"{what}: the matrix is identically zero, so the comparison could not fail.");
        var worst = 0.0;
        var worstIndex = 0;
        for (var i = 0; i < exact.Length; i++)
        {
            var allowance = relative * Math.Abs(exact[i]) + floor * scale;
            var ratio = Math.Abs(exact[i] - reference[i]) / allowance;
            if (!(ratio <= worst))
            {
                worst = ratio;
                worstIndex = i;
            }
        }

        Assert.True(
            worst <= 1.0,
            $"{what}: entry {worstIndex} exact {exact[worstIndex]:R} vs reference {reference[worstIndex]:R} (error/allowance {worst:G3}).");
        return worst;
    }
}
