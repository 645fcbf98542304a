using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>The level-3 pieces of Cholesky QR in every implementation: Gram matrix, Cholesky factor, A·R⁻¹.</summary>
public class CholeskyKernelsTests
{
    private static readonly (int M, int K)[] Shapes = [(1, 1), (5, 3), (8, 8), (70, 65), (200, 10), (301, 150)];

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Gram_matrix_is_the_product_of_the_columns(string kernels)
    {
        var stream = new RandomStream(0xC401);
        foreach (var (m, k) in Shapes)
        {
            var a = TestMatrices.Gaussian(stream, m, k, k);
            var g = new double[k * k];
            KernelSource.Get(kernels).Gram(a, m, k, g);
            for (var i = 0; i < k; i++)
            {
                for (var j = i; j < k; j++)
                {
                    var expected = 0.0;
                    for (var p = 0; p < m; p++)
                    {
                        expected += a[(p * k) + i] * a[(p * k) + j];
                    }

                    Assert.True(Math.Abs(g[(i * k) + j] - expected) <= 1e-13 * m, $"{kernels} {m}×{k}: G[{i},{j}] = {g[(i * k) + j]} vs {expected}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Cholesky_factor_reproduces_the_matrix(string kernels)
    {
        var stream = new RandomStream(0xC402);
        foreach (var (m, k) in Shapes)
        {
            var a = TestMatrices.Gaussian(stream, m + k, k, k);
            var g = new double[k * k];
            KernelSource.Get(kernels).Gram(a, m + k, k, g);
            var expected = (double[])g.Clone();
            Assert.True(KernelSource.Get(kernels).CholeskyUpper(g, k), $"{kernels} k = {k}: not positive definite");
            for (var i = 0; i < k; i++)
            {
                Assert.True(g[(i * k) + i] > 0.0, $"R[{i},{i}] = {g[(i * k) + i]}");
                for (var j = i; j < k; j++)
                {
                    var product = 0.0;
                    for (var p = 0; p <= i; p++)
                    {
                        product += g[(p * k) + i] * g[(p * k) + j];
                    }

                    var scale = Math.Sqrt(expected[(i * k) + i] * expected[(j * k) + j]);
                    Assert.True(Math.Abs(product - expected[(i * k) + j]) <= 1e-13 * k * scale, $"{kernels} k = {k}: (RᵀR − G)[{i},{j}]");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Cholesky_refuses_matrices_that_are_not_positive_definite(string kernels)
    {
        var dense = KernelSource.Get(kernels);
        Assert.False(dense.CholeskyUpper(new double[] { 1.0, 0.0, 0.0, -1.0 }, 2), "indefinite");
        Assert.False(dense.CholeskyUpper(new double[] { 1.0, 1.0, 1.0, 1.0 }, 2), "singular (second pivot exactly 0)");
        Assert.False(dense.CholeskyUpper(new double[] { 4.0, 1.0, 1.0, double.NaN }, 2), "NaN");
        Assert.False(dense.CholeskyUpper(new double[] { 0.0 }, 1), "zero");
        Assert.True(dense.CholeskyUpper(Array.Empty<double>(), 0), "empty");
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Triangular_solve_inverts_the_right_product(string kernels)
    {
        var stream = new RandomStream(0xC403);
        var dense = KernelSource.Get(kernels);
        foreach (var (m, k) in Shapes)
        {
            // A unit-dominant upper R (cond = O(1)), garbage below the diagonal that must not be read.
            var r = TestMatrices.Gaussian(stream, k, k, k, 0.3 / Math.Sqrt(k));
            for (var i = 0; i < k; i++)
            {
                r[(i * k) + i] = 1.0 + Math.Abs(r[(i * k) + i]);
                for (var j = 0; j < i; j++)
                {
                    r[(i * k) + j] = double.NaN;
                }
            }

            var a = TestMatrices.Gaussian(stream, m, k, k);
            var x = (double[])a.Clone();
            dense.SolveUpperTriangularRight(x, m, k, r);
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    var product = 0.0;
                    for (var p = 0; p <= j; p++)
                    {
                        product += x[(i * k) + p] * r[(p * k) + j];
                    }

                    Assert.True(Math.Abs(product - a[(i * k) + j]) <= 1e-12 * Math.Sqrt(k), $"{kernels} {m}×{k}: (X·R − A)[{i},{j}]");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Row_forms_are_the_column_forms_on_the_transpose(string kernels)
    {
        var stream = new RandomStream(0xC404);
        var dense = KernelSource.Get(kernels);
        foreach (var (m, k) in Shapes)
        {
            // A (m×k) and its transpose (k×m, one vector per row) must give the same Gram matrix and the same solve.
            var a = TestMatrices.Gaussian(stream, m + k, k, k);
            var rows = Transpose(a, m + k, k);
            var (g, gRows) = (new double[k * k], new double[k * k]);
            dense.Gram(a, m + k, k, g);
            dense.GramOfRows(rows, k, m + k, gRows);
            for (var i = 0; i < k; i++)
            {
                for (var j = i; j < k; j++)
                {
                    Assert.True(Math.Abs(g[(i * k) + j] - gRows[(i * k) + j]) <= 1e-13 * (m + k), $"{kernels} {m}×{k}: Gram[{i},{j}]");
                }
            }

            Assert.True(dense.CholeskyUpper(g, k));
            var solved = (double[])a.Clone();
            dense.SolveUpperTriangularRight(solved, m + k, k, g);
            dense.SolveUpperTriangularTransposedLeft(rows, k, m + k, g);
            var back = Transpose(rows, k, m + k);
            for (var i = 0; i < solved.Length; i++)
            {
                Assert.True(Math.Abs(back[i] - solved[i]) <= 1e-11, $"{kernels} {m}×{k}: (R⁻ᵀ·Aᵀ)ᵀ − A·R⁻¹ at {i}: {back[i] - solved[i]:E2}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Shapes_are_checked_before_any_work(string kernels)
    {
        var dense = KernelSource.Get(kernels);
        Assert.Throws<ArgumentException>(() => dense.Gram(new double[5], 3, 2, new double[4]));
        Assert.Throws<ArgumentException>(() => dense.Gram(new double[6], 3, 2, new double[3]));
        Assert.Throws<ArgumentException>(() => dense.CholeskyUpper(new double[3], 2));
        Assert.Throws<ArgumentException>(() => dense.SolveUpperTriangularRight(new double[6], 3, 2, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => dense.Gram(new double[6], -3, 2, new double[4]));
        Assert.Throws<ArgumentException>(() => dense.GramOfRows(new double[5], 2, 3, new double[4]));
        Assert.Throws<ArgumentException>(() => dense.SolveUpperTriangularTransposedLeft(new double[6], 2, 3, new double[3]));
    }

    internal static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[a.Length];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                t[(j * rows) + i] = a[(i * cols) + j];
            }
        }

        return t;
    }
}
