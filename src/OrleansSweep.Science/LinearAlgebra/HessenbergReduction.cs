using System.Buffers;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Reduces a general row-major n×n matrix to upper Hessenberg form by Householder similarities
/// (Golub &amp; Van Loan, Alg. 7.4.2). Only the Hessenberg matrix is kept: no transformation is accumulated.
/// </summary>
/// <remarks>
/// Each reflector is applied from the left as two row-axpy passes and from the right as one dot plus one axpy
/// per row, so both passes stream contiguous memory. Cost ≈ 10n³/3 flops; backward-stable. A column that is
/// already zero below the subdiagonal is skipped exactly, so block-triangular structure survives the reduction.
/// </remarks>
internal static class HessenbergReduction
{
    public static void Reduce(Span<double> h, int n)
    {
        if (n < 3)
        {
            return;
        }

        var v = ArrayPool<double>.Shared.Rent(n);
        var w = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var k = 0; k < n - 2; k++)
            {
                ReduceColumn(h, n, k, v.AsSpan(0, n - k - 1), w.AsSpan(0, n - k - 1));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(w);
            ArrayPool<double>.Shared.Return(v);
        }
    }

    private static void ReduceColumn(Span<double> h, int n, int k, Span<double> v, Span<double> w)
    {
        var top = k + 1;
        var alpha = h[(top * n) + k];
        var tailMax = 0.0;
        for (var i = top + 1; i < n; i++)
        {
            tailMax = Math.Max(tailMax, Math.Abs(h[(i * n) + k]));
        }

        if (tailMax == 0.0)
        {
            // Already reduced (an exact zero column below the subdiagonal, e.g. from block-triangular structure).
            return;
        }

        // ‖(α, tail)‖ with the entries scaled by the largest one, so that the squares neither underflow (entries
        // ~1e-170 would otherwise leave an unreduced column behind) nor overflow (dlarfg uses dnrm2 alike).
        var size = Math.Max(tailMax, Math.Abs(alpha));
        var squares = (alpha / size) * (alpha / size);
        for (var i = top + 1; i < n; i++)
        {
            var x = h[(i * n) + k] / size;
            squares += x * x;
        }

        var beta = -Math.CopySign(size * Math.Sqrt(squares), alpha);
        var tau = (beta - alpha) / beta;
        var denominator = alpha - beta;
        v[0] = 1.0;
        for (var i = top + 1; i < n; i++)
        {
            v[i - top] = h[(i * n) + k] / denominator;
            h[(i * n) + k] = 0.0;
        }

        h[(top * n) + k] = beta;
        var width = n - top;

        // Left: rows top..n−1, columns top..n−1 (column k was set explicitly above).
        w.Clear();
        for (var i = top; i < n; i++)
        {
            VectorOps.Axpy(v[i - top], h.Slice((i * n) + top, width), w);
        }

        for (var i = top; i < n; i++)
        {
            VectorOps.Axpy(-tau * v[i - top], w, h.Slice((i * n) + top, width));
        }

        // Right: every row, columns top..n−1.
        for (var i = 0; i < n; i++)
        {
            var row = h.Slice((i * n) + top, width);
            VectorOps.Axpy(-tau * VectorOps.Dot(row, v), v, row);
        }
    }
}
