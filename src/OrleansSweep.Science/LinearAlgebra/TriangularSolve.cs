namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Managed A ← A·R⁻¹ for a row-major m×k A, and its row form A ← R⁻ᵀ·A for a k×m A, with an upper-triangular k×k R
/// (the managed dtrsm with side = 'R', uplo = 'U', no transpose; and side = 'L', uplo = 'U', transposed).
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

    /// <summary>A ← R⁻ᵀ·A for A k×m (one vector per row): row blocks, each solved by row axpys, the rows below updated by one GEMM.</summary>
    /// <remarks>Forward substitution on rows: x_j = (a_j − Σ_{i&lt;j} R_ij·x_i)/R_jj, every term an axpy of length m.</remarks>
    public static void TransposedLeftUpper(Span<double> a, int k, int m, ReadOnlySpan<double> r)
    {
        for (var start = 0; start < k; start += Block)
        {
            var height = Math.Min(Block, k - start);
            for (var j = start; j < start + height; j++)
            {
                var row = a.Slice(j * m, m);
                for (var i = start; i < j; i++)
                {
                    VectorOps.Axpy(-r[(i * k) + j], a.Slice(i * m, m), row);
                }

                VectorOps.Scale(1.0 / r[(j * k) + j], row);
            }

            var below = k - start - height;
            if (below > 0)
            {
                // A[below, :] −= R[block, below]ᵀ·X_block.
                ManagedGemm.Run(
                    true, false, below, m, height, -1.0, r[((start * k) + start + height)..], k, a[(start * m)..], m,
                    1.0, a[((start + height) * m)..], m);
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
