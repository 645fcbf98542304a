namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Managed Cholesky factorisation G = RᵀR of a row-major symmetric positive definite matrix, R upper triangular, in
/// place on the upper triangle (the managed dpotrf with uplo = 'U' in row-major terms).
/// </summary>
/// <remarks>
/// Right-looking outer-product form: pivot j is √G_jj, row j of R is row j of G divided by it, and the trailing
/// upper triangle loses the outer product of that row with itself. In row-major storage each of those updates is an
/// axpy along a contiguous row, so the k³/3 flops vectorise without packing. The strictly lower triangle is never
/// read or written. Fails (false) on the first pivot that is not a positive finite number, as dpotrf does.
/// </remarks>
internal static class CholeskyDecomposition
{
    public static bool FactorUpper(Span<double> g, int k)
    {
        for (var j = 0; j < k; j++)
        {
            var pivot = g[(j * k) + j];
            if (!(pivot > 0.0) || !double.IsFinite(pivot))
            {
                return false;
            }

            var rjj = Math.Sqrt(pivot);
            g[(j * k) + j] = rjj;
            var row = g.Slice((j * k) + j + 1, k - j - 1);
            VectorOps.Scale(1.0 / rjj, row);

            // G[i, i..] −= R[j, i]·R[j, i..] for every later row i: only the upper triangle is touched.
            for (var i = j + 1; i < k; i++)
            {
                var offset = i - j - 1;
                VectorOps.Axpy(-row[offset], row[offset..], g.Slice((i * k) + i, k - i));
            }
        }

        return true;
    }
}
