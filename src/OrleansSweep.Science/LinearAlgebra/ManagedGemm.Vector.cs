using System.Buffers;

namespace OrleansSweep.Science.LinearAlgebra;

// The vector-shaped products C (m×1) or C (1×n): GEMV in disguise. Through the blocked GEMM they pay for packing
// B into 8-wide panels (7 of 8 lanes padding when n = 1) and were measured 5–40× slower than GEMV.
internal static partial class ManagedGemm
{
    /// <summary>
    /// Runs C ← α·op(A)·op(B) + β·C as a GEMV when n = 1 (C a column) or m = 1 (C a row) and the product is not
    /// empty; returns false (nothing done) for every other shape.
    /// </summary>
    /// <remarks>
    /// Strided operands (a column of B with ldb &gt; 1, a column of C with ldc &gt; 1, a column of A as the row
    /// op(A) when transposed) are gathered into pooled scratch and C scattered back, so only the n (or m) elements
    /// of C are touched and the padding stays untouched. α = 0 or an empty product is left to the caller, whose
    /// β-scaling does not read A or B.
    /// </remarks>
    public static bool TryRunAsGemv(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        if (alpha == 0.0 || m == 0 || n == 0 || k == 0 || (n != 1 && m != 1))
        {
            return false;
        }

        if (n == 1)
        {
            // C[:, 0] = α·op(A)·x + β·C[:, 0] with x = op(B)[:, 0]: B stored k×1 (stride ldb) or 1×k (contiguous).
            var xStride = transposeB ? 1 : ldb;
            var (rows, cols) = transposeA ? (k, m) : (m, k);
            RunStrided(transposeA, rows, cols, alpha, a, lda, b, xStride, k, beta, c, ldc, m);
            return true;
        }

        // m = 1: C[0, :] = α·op(B)ᵀ·x + β·C[0, :] with x = op(A)[0, :]: A stored 1×k (contiguous) or k×1 (stride
        // lda). op(B)ᵀ is Bᵀ for B stored k×n (a transposed GEMV) or B itself when B is stored n×k.
        var (bRows, bCols) = transposeB ? (n, k) : (k, n);
        RunStrided(!transposeB, bRows, bCols, alpha, b, ldb, a, transposeA ? lda : 1, k, beta, c, 1, n);
        return true;
    }

    private static void RunStrided(
        bool transpose, int rows, int cols, double alpha, ReadOnlySpan<double> matrix, int ld,
        ReadOnlySpan<double> x, int xStride, int xLength, double beta, Span<double> y, int yStride, int yLength)
    {
        double[]? xScratch = null;
        double[]? yScratch = null;
        try
        {
            var xs = x[..(((xLength - 1) * xStride) + 1)];
            if (xStride != 1)
            {
                xScratch = ArrayPool<double>.Shared.Rent(xLength);
                for (var p = 0; p < xLength; p++)
                {
                    xScratch[p] = x[p * xStride];
                }

                xs = xScratch.AsSpan(0, xLength);
            }

            if (yStride == 1)
            {
                ManagedGemv.Run(transpose, rows, cols, alpha, matrix, ld, xs, beta, y[..yLength]);
                return;
            }

            yScratch = ArrayPool<double>.Shared.Rent(yLength);
            var ys = yScratch.AsSpan(0, yLength);
            if (beta != 0.0)
            {
                // β = 0: y is write-only, so its old contents (NaN included) are not gathered.
                for (var i = 0; i < yLength; i++)
                {
                    ys[i] = y[i * yStride];
                }
            }

            ManagedGemv.Run(transpose, rows, cols, alpha, matrix, ld, xs, beta, ys);
            for (var i = 0; i < yLength; i++)
            {
                y[i * yStride] = ys[i];
            }
        }
        finally
        {
            if (xScratch is not null)
            {
                ArrayPool<double>.Shared.Return(xScratch);
            }

            if (yScratch is not null)
            {
                ArrayPool<double>.Shared.Return(yScratch);
            }
        }
    }
}
