namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Managed A ← A·R⁻¹ for a row-major m×k A and an upper-triangular k×k R (the managed dtrsm with side = 'R',
/// uplo = 'U', no transpose).
/// </summary>
/// <remarks>
/// Blocked by columns of width <see cref="Block"/>: the diagonal block is solved row by row with axpys along R's
/// contiguous rows (forward substitution xⱼ = (aⱼ − Σ_{l&lt;j} x_l·R_lj)/R_jj), and everything to its right is updated
/// with one GEMM, A[:, right] −= X_block·R[block, right]. So almost all of the m·k² flops run in the GEMM
/// micro-kernel. Only the upper triangle of R is read.
/// </remarks>
internal static class TriangularSolve
{
    private const int Block = 64;

    public static void RightUpper(Span<double> a, int m, int k, ReadOnlySpan<double> r)
    {
        for (var start = 0; start < k; start += Block)
        {
            var width = Math.Min(Block, k - start);
            SolveDiagonalBlock(a, m, k, r, start, width);
            var right = k - start - width;
            if (right > 0)
            {
                ManagedGemm.Run(
                    false, false, m, right, width, -1.0, a[start..], k, r[((start * k) + start + width)..], k,
                    1.0, a[(start + width)..], k);
            }
        }
    }

    /// <summary>A[:, start..start+width] ← A[:, start..start+width]·R[block, block]⁻¹, one row at a time.</summary>
    private static void SolveDiagonalBlock(Span<double> a, int m, int k, ReadOnlySpan<double> r, int start, int width)
    {
        for (var i = 0; i < m; i++)
        {
            var row = a.Slice((i * k) + start, width);
            for (var j = 0; j < width; j++)
            {
                var rowOfR = r.Slice(((start + j) * k) + start + j, width - j);
                var x = row[j] / rowOfR[0];
                row[j] = x;
                if (j + 1 < width)
                {
                    VectorOps.Axpy(-x, rowOfR[1..], row[(j + 1)..]);
                }
            }
        }
    }
}
