using System.Numerics;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>Random inputs and naive references for the dense-kernel tests (row-major throughout).</summary>
internal static class TestMatrices
{
    /// <summary>A rows×cols standard-Gaussian matrix stored with leading dimension ld; the padding holds NaN so a
    /// kernel that reads outside the matrix poisons its result.</summary>
    public static double[] Gaussian(RandomStream stream, int rows, int cols, int ld, double scale = 1.0)
    {
        var values = new double[Math.Max(1, rows * ld)];
        Array.Fill(values, double.NaN);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                values[(i * ld) + j] = scale * stream.NextGaussian();
            }
        }

        return values;
    }

    public static double OpA(bool transpose, double[] a, int lda, int i, int p) => transpose ? a[(p * lda) + i] : a[(i * lda) + p];

    /// <summary>C ← α·op(A)·op(B) + β·C by the textbook triple loop; <paramref name="bound"/> receives
    /// |α|·|op(A)|·|op(B)| + |β|·|C| elementwise, the scale of the rounding error of any summation order.</summary>
    public static void NaiveGemm(
        bool transposeA, bool transposeB, int m, int n, int k, double alpha, double[] a, int lda, double[] b, int ldb,
        double beta, double[] c, int ldc, double[] bound)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (var p = 0; p < k; p++)
                {
                    var term = OpA(transposeA, a, lda, i, p) * OpA(!transposeB, b, ldb, j, p);
                    sum += term;
                    magnitude += Math.Abs(term);
                }

                var old = beta == 0.0 ? 0.0 : c[(i * ldc) + j];
                c[(i * ldc) + j] = (alpha * sum) + (beta * old);
                bound[(i * ldc) + j] = (Math.Abs(alpha) * magnitude) + Math.Abs(beta * old);
            }
        }
    }

    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var x in values)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        return max;
    }

    /// <summary>Determinant by Gaussian elimination with partial pivoting (independent of the kernels).</summary>
    public static double Determinant(double[] a, int n)
    {
        var lu = (double[])a.Clone();
        var det = 1.0;
        for (var j = 0; j < n; j++)
        {
            var pivot = j;
            for (var i = j + 1; i < n; i++)
            {
                if (Math.Abs(lu[(i * n) + j]) > Math.Abs(lu[(pivot * n) + j]))
                {
                    pivot = i;
                }
            }

            if (pivot != j)
            {
                det = -det;
                for (var c = 0; c < n; c++)
                {
                    (lu[(j * n) + c], lu[(pivot * n) + c]) = (lu[(pivot * n) + c], lu[(j * n) + c]);
                }
            }

            det *= lu[(j * n) + j];
            for (var i = j + 1; i < n; i++)
            {
                var l = lu[(i * n) + j] / lu[(j * n) + j];
                for (var c = j; c < n; c++)
                {
                    lu[(i * n) + c] -= l * lu[(j * n) + c];
                }
            }
        }

        return det;
    }

    /// <summary>
    /// The largest distance between each expected eigenvalue and its partner in <paramref name="actual"/>, pairing
    /// greedily by nearest unused value (adequate when the values are separated far more than the tolerance).
    /// </summary>
    public static double MatchDistance(IReadOnlyList<Complex> expected, IReadOnlyList<Complex> actual)
    {
        if (expected.Count != actual.Count)
        {
            return double.PositiveInfinity;
        }

        var used = new bool[actual.Count];
        var worst = 0.0;
        foreach (var e in expected)
        {
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            for (var i = 0; i < actual.Count; i++)
            {
                var d = Complex.Abs(actual[i] - e);
                if (!used[i] && d < bestDistance)
                {
                    best = i;
                    bestDistance = d;
                }
            }

            if (best < 0)
            {
                return double.PositiveInfinity;
            }

            used[best] = true;
            worst = Math.Max(worst, bestDistance);
        }

        return worst;
    }

    /// <summary>An n×n orthogonal matrix: the Q of a Gaussian matrix (computed by the managed kernels).</summary>
    public static double[] RandomOrthogonal(RandomStream stream, int n)
    {
        var q = Gaussian(stream, n, n, n);
        var r = new double[n * n];
        Science.LinearAlgebra.DenseKernels.Managed.QrThin(q, n, n, r);
        return q;
    }

    /// <summary>Q·D·Qᵀ for a row-major D.</summary>
    public static double[] Similar(double[] q, double[] d, int n)
    {
        var kernels = Science.LinearAlgebra.DenseKernels.Managed;
        var qd = new double[n * n];
        var result = new double[n * n];
        kernels.Gemm(false, false, n, n, n, 1.0, q, n, d, n, 0.0, qd, n);
        kernels.Gemm(false, true, n, n, n, 1.0, qd, n, q, n, 0.0, result, n);
        return result;
    }
}
