using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>
/// GEMM with one column (n = 1) or one row (m = 1) runs as a GEMV in both implementations: it must give what the
/// GEMV of the same data gives and what the triple loop gives, for every transpose, β and leading dimension.
/// </summary>
public class GemmVectorShapeTests
{
    // (rows of C or columns of C, k): tiny, odd, and past the managed GEMM's small-product cut-off (24³).
    private static readonly (int Length, int K)[] Shapes = [(1, 1), (5, 3), (37, 300), (200, 100), (64, 513)];

    public static TheoryData<string, bool, bool, double> Cases
    {
        get
        {
            var data = new TheoryData<string, bool, bool, double>();
            foreach (var kernels in KernelSource.Names)
            {
                foreach (var transposeA in new[] { false, true })
                {
                    foreach (var transposeB in new[] { false, true })
                    {
                        foreach (var beta in new[] { 0.0, 1.0, -0.7 })
                        {
                            data.Add(kernels, transposeA, transposeB, beta);
                        }
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_column_product_matches_gemv_and_the_triple_loop(string kernels, bool transposeA, bool transposeB, double beta)
    {
        var kernel = KernelSource.Get(kernels);
        var stream = new RandomStream(0x6E31);
        foreach (var (m, k) in Shapes)
        {
            foreach (var padding in new[] { 0, 3 })
            {
                var (aRows, aCols) = transposeA ? (k, m) : (m, k);
                var (bRows, bCols) = transposeB ? (1, k) : (k, 1);
                var operands = Operands.Create(stream, aRows, aCols, bRows, bCols, m, 1, padding, beta);
                var actual = operands.Gemm(kernel, transposeA, transposeB, m, 1, k, 1.3, beta);

                // The same product as a GEMV on gathered (unit-stride) copies of op(B)[:, 0] and C[:, 0].
                var x = Gather(operands.B, transposeB ? 1 : operands.Ldb, k);
                var y = Gather(operands.C, operands.Ldc, m);
                kernel.Gemv(transposeA, aRows, aCols, 1.3, operands.A, operands.Lda, x, beta, y);
                operands.Check(kernel, actual, y, m, 1, $"n = 1, op(A)={transposeA}, op(B)={transposeB}, β={beta}, {m}×1×{k} pad {padding}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_row_product_matches_gemv_and_the_triple_loop(string kernels, bool transposeA, bool transposeB, double beta)
    {
        var kernel = KernelSource.Get(kernels);
        var stream = new RandomStream(0x6E32);
        foreach (var (n, k) in Shapes)
        {
            foreach (var padding in new[] { 0, 3 })
            {
                var (aRows, aCols) = transposeA ? (k, 1) : (1, k);
                var (bRows, bCols) = transposeB ? (n, k) : (k, n);
                var operands = Operands.Create(stream, aRows, aCols, bRows, bCols, 1, n, padding, beta);
                var actual = operands.Gemm(kernel, transposeA, transposeB, 1, n, k, -0.8, beta);

                // C[0, :] = α·op(B)ᵀ·op(A)[0, :] + β·C[0, :]: a GEMV on B, transposed when B is stored k×n.
                var x = Gather(operands.A, transposeA ? operands.Lda : 1, k);
                var y = Gather(operands.C, 1, n);
                kernel.Gemv(!transposeB, bRows, bCols, -0.8, operands.B, operands.Ldb, x, beta, y);
                operands.Check(kernel, actual, y, 1, n, $"m = 1, op(A)={transposeA}, op(B)={transposeB}, β={beta}, 1×{n}×{k} pad {padding}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Zero_alpha_only_scales_C_without_reading_A_or_B(string kernels)
    {
        // α = 0 is not sent down the GEMV path: C ← β·C must hold even when A and B are NaN.
        var a = new[] { double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN };
        var c = new[] { 1.0, -2.0, 4.0 };
        KernelSource.Get(kernels).Gemm(false, false, 3, 1, 2, 0.0, a, 2, a, 1, 0.5, c, 1);
        Assert.Equal([0.5, -1.0, 2.0], c);
        var row = new[] { 1.0, -2.0, 4.0 };
        KernelSource.Get(kernels).Gemm(false, false, 1, 3, 2, 0.0, a, 2, a, 3, -1.0, row, 3);
        Assert.Equal([-1.0, 2.0, -4.0], row);
    }

    private static double[] Gather(double[] source, int stride, int length)
    {
        var gathered = new double[length];
        for (var i = 0; i < length; i++)
        {
            gathered[i] = source[i * stride];
        }

        return gathered;
    }

    private sealed record Operands(double[] A, int Lda, double[] B, int Ldb, double[] C, int Ldc)
    {
        public static Operands Create(
            RandomStream stream, int aRows, int aCols, int bRows, int bCols, int m, int n, int padding, double beta)
        {
            var (lda, ldb, ldc) = (aCols + padding, bCols + padding, n + padding);
            var c = TestMatrices.Gaussian(stream, m, n, ldc);
            if (beta == 0.0)
            {
                // β = 0: C is write-only, so NaN in it must not reach the result.
                for (var i = 0; i < m; i++)
                {
                    Array.Fill(c, double.NaN, i * ldc, n);
                }
            }

            return new Operands(
                TestMatrices.Gaussian(stream, aRows, aCols, lda), lda, TestMatrices.Gaussian(stream, bRows, bCols, ldb), ldb, c, ldc);
        }

        public double[] Gemm(IDenseKernels kernel, bool transposeA, bool transposeB, int m, int n, int k, double alpha, double beta)
        {
            var actual = (double[])C.Clone();
            kernel.Gemm(transposeA, transposeB, m, n, k, alpha, A, Lda, B, Ldb, beta, actual, Ldc);
            Expected = (double[])C.Clone();
            Bound = new double[C.Length];
            TestMatrices.NaiveGemm(transposeA, transposeB, m, n, k, alpha, A, Lda, B, Ldb, beta, Expected, Ldc, Bound);
            return actual;
        }

        private double[] Expected { get; set; } = [];

        private double[] Bound { get; set; } = [];

        /// <summary>Each entry of C within 1e-12 of its rounding scale of both the triple loop and the GEMV, and
        /// every element outside C's m×n block bit-for-bit untouched.</summary>
        public void Check(IDenseKernels kernel, double[] actual, double[] gemv, int m, int n, string label)
        {
            for (var index = 0; index < C.Length; index++)
            {
                var (i, j) = (index / Ldc, index % Ldc);
                if (i >= m || j >= n)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(C[index]), BitConverter.DoubleToInt64Bits(actual[index]));
                    continue;
                }

                var tolerance = 1e-12 * Bound[index];
                var fromGemv = gemv[n == 1 ? i : j];
                Assert.True(
                    Math.Abs(actual[index] - Expected[index]) <= tolerance && Math.Abs(actual[index] - fromGemv) <= tolerance,
                    $"{kernel.Name} {label}: C[{i},{j}] = {actual[index]}, triple loop {Expected[index]}, GEMV {fromGemv} (scale {Bound[index]:E2})");
            }
        }
    }
}
