using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class GemmTests
{
    // (m, n, k): tiny, odd, crossing the managed kernel's 4×8 tiles, its kc = 256, mc = 96 and nc = 1024 blocks.
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (3, 5, 7), (17, 9, 33), (40, 41, 300), (101, 1030, 9), (130, 70, 260),
    ];

    public static TheoryData<string, bool, bool> Cases
    {
        get
        {
            var data = new TheoryData<string, bool, bool>();
            foreach (var kernels in KernelSource.Names)
            {
                foreach (var transposeA in new[] { false, true })
                {
                    foreach (var transposeB in new[] { false, true })
                    {
                        data.Add(kernels, transposeA, transposeB);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_triple_loop_for_every_shape_and_leading_dimension(string kernels, bool transposeA, bool transposeB)
    {
        var stream = new RandomStream(0x6E33);
        foreach (var (m, n, k) in Shapes)
        {
            foreach (var padding in new[] { 0, 3 })
            {
                Check(KernelSource.Get(kernels), stream, transposeA, transposeB, m, n, k, padding, alpha: 1.3, beta: -0.7);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ignores_the_old_contents_of_C_when_beta_is_zero(string kernels, bool transposeA, bool transposeB)
    {
        // BLAS semantics: β = 0 means C is write-only, so NaN left in C must not leak into the product.
        var stream = new RandomStream(0xBE7A);
        Check(KernelSource.Get(kernels), stream, transposeA, transposeB, 33, 21, 45, padding: 2, alpha: -0.5, beta: 0.0, nanInC: true);
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Empty_inner_dimension_only_scales_C(string kernels)
    {
        var c = new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 };
        KernelSource.Get(kernels).Gemm(false, false, 2, 3, 0, 1.0, [], 1, [], 3, 2.0, c, 3);
        Assert.Equal([2.0, 4.0, 6.0, 8.0, 10.0, 12.0], c);
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Rejects_a_leading_dimension_shorter_than_a_row(string kernels)
    {
        var a = new double[12];
        var c = new double[12];
        Assert.Throws<ArgumentOutOfRangeException>(
            () => KernelSource.Get(kernels).Gemm(false, false, 3, 4, 4, 1.0, a, 3, a, 4, 0.0, c, 4));
    }

    private static void Check(
        Science.LinearAlgebra.IDenseKernels kernels, RandomStream stream, bool transposeA, bool transposeB,
        int m, int n, int k, int padding, double alpha, double beta, bool nanInC = false)
    {
        var (aRows, aCols) = transposeA ? (k, m) : (m, k);
        var (bRows, bCols) = transposeB ? (n, k) : (k, n);
        var (lda, ldb, ldc) = (aCols + padding, bCols + padding, n + padding);
        var a = TestMatrices.Gaussian(stream, aRows, aCols, lda);
        var b = TestMatrices.Gaussian(stream, bRows, bCols, ldb);
        var c = TestMatrices.Gaussian(stream, m, n, ldc);
        if (nanInC)
        {
            Array.Fill(c, double.NaN);
        }

        var expected = (double[])c.Clone();
        var bound = new double[c.Length];
        TestMatrices.NaiveGemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc, bound);
        var actual = (double[])c.Clone();
        kernels.Gemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, actual, ldc);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < ldc; j++)
            {
                var index = (i * ldc) + j;
                if (j >= n)
                {
                    // The padding between rows of C belongs to someone else: it must be untouched.
                    Assert.Equal(BitConverter.DoubleToInt64Bits(c[index]), BitConverter.DoubleToInt64Bits(actual[index]));
                    continue;
                }

                var error = Math.Abs(actual[index] - expected[index]);
                Assert.True(
                    error <= 1e-12 * bound[index],
                    $"{kernels.Name} op(A)={(transposeA ? "T" : "N")} op(B)={(transposeB ? "T" : "N")} {m}×{n}×{k} pad {padding}: "
                    + $"C[{i},{j}] = {actual[index]} vs {expected[index]} (error {error:E2}, scale {bound[index]:E2})");
            }
        }
    }
}
