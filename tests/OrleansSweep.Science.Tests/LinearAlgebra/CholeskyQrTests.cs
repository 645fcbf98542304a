using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>
/// Cholesky QR with its second pass and Householder fallback: the same Q and diag(R) as Householder QR, whichever
/// path the conditioning of the input selects.
/// </summary>
public class CholeskyQrTests
{
    public static TheoryData<string, double, OrthonormalisationPath, BasisLayout> Conditionings
    {
        get
        {
            var data = new TheoryData<string, double, OrthonormalisationPath, BasisLayout>();
            foreach (var kernels in KernelSource.Names)
            {
                foreach (var layout in new[] { BasisLayout.Columns, BasisLayout.Rows })
                {
                    // One pass loses ε·κ² of orthogonality: fine at κ = 10 (a t_ONS tangent basis), not at κ = 10⁵;
                    // at κ = 10¹⁰ the Gram matrix (κ² = 10²⁰) is not numerically positive definite.
                    data.Add(kernels, 1.0, OrthonormalisationPath.CholeskyOnePass, layout);
                    data.Add(kernels, 10.0, OrthonormalisationPath.CholeskyOnePass, layout);
                    data.Add(kernels, 1e5, OrthonormalisationPath.CholeskyTwoPasses, layout);
                    data.Add(kernels, 1e10, OrthonormalisationPath.Householder, layout);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Conditionings))]
    public void Agrees_with_Householder_QR_on_the_path_the_conditioning_selects(
        string kernels, double condition, OrthonormalisationPath expectedPath, BasisLayout layout)
    {
        var dense = KernelSource.Get(kernels);
        foreach (var (m, k) in new[] { (120, 120), (300, 40), (9, 4) })
        {
            var a = WithCondition(new RandomStream(0xC4A0 + (ulong)m), m, k, condition);
            var stored = layout == BasisLayout.Rows ? CholeskyKernelsTests.Transpose(a, m, k) : (double[])a.Clone();
            var diagonal = new double[k];
            var path = new CholeskyQr(dense, m, k, layout).Orthonormalise(stored, diagonal);
            Assert.Equal(expectedPath, path);
            var q = layout == BasisLayout.Rows ? CholeskyKernelsTests.Transpose(stored, k, m) : stored;

            var (reference, r) = ((double[])a.Clone(), new double[k * k]);
            dense.QrThin(reference, m, k, r);
            var label = $"{kernels} {layout} {m}×{k} κ = {condition:E0} ({path})";
            AssertOrthonormal(dense, q, m, k, label);

            // R_jj down to σ_min/σ_max: relative accuracy ~ε·κ on both sides; Q columns agree to the same order.
            for (var j = 0; j < k; j++)
            {
                var rjj = r[(j * k) + j];
                Assert.True(Math.Abs(diagonal[j] - rjj) <= 1e-13 * condition * rjj + 1e-300, $"{label}: R[{j},{j}] {diagonal[j]} vs {rjj}");
            }

            if (condition <= 1e5)
            {
                var worst = q.Zip(reference, (x, y) => Math.Abs(x - y)).Max();
                Assert.True(worst <= 1e-13 * condition * condition + 1e-12, $"{label}: Q differs from Householder's by {worst:E2}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void A_dependent_column_falls_back_to_Householder_with_a_zero_growth_factor(string kernels)
    {
        const int m = 50, k = 6;
        var dense = KernelSource.Get(kernels);
        var a = TestMatrices.Gaussian(new RandomStream(0xC4A1), m, k, k);
        for (var i = 0; i < m; i++)
        {
            a[(i * k) + 3] = a[(i * k) + 1] - (2.0 * a[(i * k) + 0]);
        }

        var diagonal = new double[k];
        Assert.Equal(OrthonormalisationPath.Householder, new CholeskyQr(dense, m, k).Orthonormalise(a, diagonal));
        Assert.True(diagonal[3] <= 1e-13, $"R[3,3] = {diagonal[3]}");
        Assert.All(diagonal.Where((_, j) => j != 3), value => Assert.True(value > 1.0));
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Non_finite_input_reaches_the_caller_as_a_non_finite_growth_factor(string kernels)
    {
        const int m = 20, k = 5;
        var a = TestMatrices.Gaussian(new RandomStream(0xC4A2), m, k, k);
        a[(7 * k) + 2] = double.NaN;
        var diagonal = new double[k];
        Assert.Equal(OrthonormalisationPath.NotFinite, new CholeskyQr(KernelSource.Get(kernels), m, k).Orthonormalise(a, diagonal));
        Assert.All(diagonal, value => Assert.True(double.IsNaN(value)));

        a[(7 * k) + 2] = double.PositiveInfinity;
        Assert.Equal(OrthonormalisationPath.NotFinite, new CholeskyQr(KernelSource.Get(kernels), m, k).Orthonormalise(a, diagonal));
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void A_column_whose_squared_norm_overflows_is_still_factored(string kernels)
    {
        const int m = 20, k = 5;
        var a = TestMatrices.Gaussian(new RandomStream(0xC4A4), m, k, k);
        a[(3 * k) + 0] = 1e200;
        var diagonal = new double[k];
        Assert.Equal(OrthonormalisationPath.Householder, new CholeskyQr(KernelSource.Get(kernels), m, k).Orthonormalise(a, diagonal));
        Assert.Equal(1e200, diagonal[0], 1e187);
        AssertOrthonormal(KernelSource.Get(kernels), a, m, k, $"{kernels} overflowing column");
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void The_same_input_gives_the_same_bits(string kernels)
    {
        var dense = KernelSource.Get(kernels);
        var a = WithCondition(new RandomStream(0xC4A3), 80, 30, 1e5);
        var (q1, q2, d1, d2) = ((double[])a.Clone(), (double[])a.Clone(), new double[30], new double[30]);
        var qr = new CholeskyQr(dense, 80, 30);
        qr.Orthonormalise(q1, d1);
        new CholeskyQr(dense, 80, 30).Orthonormalise(q2, d2);
        Assert.Equal(q1, q2);
        Assert.Equal(d1, d2);
    }

    [Fact]
    public void Rejects_shapes_it_was_not_prepared_for()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CholeskyQr(DenseKernels.Managed, 3, 4));
        var qr = new CholeskyQr(DenseKernels.Managed, 10, 4);
        Assert.Throws<ArgumentException>(() => qr.Orthonormalise(new double[39], new double[4]));
        Assert.Throws<ArgumentException>(() => qr.Orthonormalise(new double[40], new double[3]));
    }

    /// <summary>U·Σ·Vᵀ with Haar-random U (m×k) and V (k×k) and singular values spaced geometrically from 1 to 1/κ.</summary>
    private static double[] WithCondition(RandomStream stream, int m, int k, double condition)
    {
        var u = TestMatrices.RandomOrthogonal(stream, m);
        var v = TestMatrices.RandomOrthogonal(stream, k);
        var us = new double[m * k];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var sigma = k == 1 ? 1.0 : Math.Pow(condition, -(double)j / (k - 1));
                us[(i * k) + j] = u[(i * m) + j] * sigma;
            }
        }

        var a = new double[m * k];
        DenseKernels.Managed.Gemm(false, true, m, k, k, 1.0, us, k, v, k, 0.0, a, k);
        return a;
    }

    private static void AssertOrthonormal(IDenseKernels dense, double[] q, int m, int k, string label)
    {
        var gram = new double[k * k];
        dense.Gemm(true, false, k, k, m, 1.0, q, k, q, k, 0.0, gram, k);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var error = Math.Abs(gram[(i * k) + j] - (i == j ? 1.0 : 0.0));
                Assert.True(error <= 1e-12, $"{label}: (QᵀQ − I)[{i},{j}] = {error:E2}");
            }
        }
    }
}
