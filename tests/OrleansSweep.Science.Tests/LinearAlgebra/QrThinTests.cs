using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class QrThinTests
{
    private static readonly (int M, int K)[] Shapes = [(1, 1), (5, 3), (8, 8), (50, 50), (200, 10), (301, 37), (1000, 20)];

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Q_has_orthonormal_columns_and_QR_reproduces_A(string kernels)
    {
        var stream = new RandomStream(0x0A11);
        foreach (var (m, k) in Shapes)
        {
            var a = TestMatrices.Gaussian(stream, m, k, k);
            CheckFactorisation(KernelSource.Get(kernels), a, m, k);
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Handles_a_zero_column_and_badly_scaled_columns(string kernels)
    {
        var stream = new RandomStream(0x0A12);
        const int m = 40, k = 6;
        var a = TestMatrices.Gaussian(stream, m, k, k);
        for (var i = 0; i < m; i++)
        {
            a[(i * k) + 2] = 0.0;
            a[(i * k) + 4] *= 1e-9;
            a[(i * k) + 5] *= 1e9;
        }

        var r = CheckFactorisation(KernelSource.Get(kernels), a, m, k);
        Assert.Equal(0.0, r[(2 * k) + 2], 12);
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Already_orthonormal_columns_give_the_identity_R(string kernels)
    {
        // QR is unique once diag(R) > 0, so a matrix with orthonormal columns must come back as itself with R = I.
        var q = TestMatrices.RandomOrthogonal(new RandomStream(0x0A13), 30);
        var a = new double[30 * 12];
        for (var i = 0; i < 30; i++)
        {
            Array.Copy(q, i * 30, a, i * 12, 12);
        }

        var original = (double[])a.Clone();
        var r = new double[12 * 12];
        KernelSource.Get(kernels).QrThin(a, 30, 12, r);
        for (var i = 0; i < 12; i++)
        {
            for (var j = 0; j < 12; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, r[(i * 12) + j], 1e-12);
            }
        }

        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(original[i], a[i], 1e-12);
        }
    }

    private static double[] CheckFactorisation(IDenseKernels kernels, double[] a, int m, int k)
    {
        var q = (double[])a.Clone();
        var r = new double[k * k];
        Array.Fill(r, double.NaN);
        kernels.QrThin(q, m, k, r);
        var label = $"{kernels.Name} {m}×{k}";

        // QᵀQ = I.
        var gram = new double[k * k];
        kernels.Gemm(true, false, k, k, m, 1.0, q, k, q, k, 0.0, gram, k);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var expected = i == j ? 1.0 : 0.0;
                Assert.True(Math.Abs(gram[(i * k) + j] - expected) <= 1e-12, $"{label}: (QᵀQ)[{i},{j}] = {gram[(i * k) + j]}");
            }
        }

        // R upper triangular with a non-negative diagonal.
        for (var i = 0; i < k; i++)
        {
            Assert.True(r[(i * k) + i] >= 0.0, $"{label}: R[{i},{i}] = {r[(i * k) + i]} < 0");
            for (var j = 0; j < i; j++)
            {
                Assert.Equal(0.0, r[(i * k) + j]);
            }
        }

        // Q·R = A, column by column relative to the column's norm (columns may differ in scale by 10¹⁸).
        var product = new double[m * k];
        kernels.Gemm(false, false, m, k, k, 1.0, q, k, r, k, 0.0, product, k);
        for (var j = 0; j < k; j++)
        {
            var columnNorm = 0.0;
            for (var i = 0; i < m; i++)
            {
                columnNorm = Math.Max(columnNorm, Math.Abs(a[(i * k) + j]));
            }

            for (var i = 0; i < m; i++)
            {
                var error = Math.Abs(product[(i * k) + j] - a[(i * k) + j]);
                Assert.True(error <= 1e-12 * Math.Max(columnNorm, double.Epsilon) * Math.Sqrt(m), $"{label}: (QR − A)[{i},{j}] = {error:E2}");
            }
        }

        return r;
    }
}
