namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Managed LU factorisation with partial (row) pivoting, solving A·X = B in place (Golub &amp; Van Loan, Alg. 3.4.1).
/// </summary>
/// <remarks>
/// Right-looking and row-oriented, so every update is an axpy over a contiguous row of A or B. Cost ≈ ⅔n³ + 2n²·nrhs.
/// "Singular to working precision" is the rule shared with the native implementation:
/// some pivot |U_jj| ≤ n·ε·max|A_ij| (see <see cref="SingularityThreshold"/>).
/// </remarks>
internal static class LuDecomposition
{
    /// <summary>Machine epsilon of IEEE double (2⁻⁵², the spacing of doubles at 1).</summary>
    public const double Epsilon = 2.220446049250313e-16;

    public static bool Solve(Span<double> a, int n, Span<double> b, int nrhs)
    {
        if (n == 0)
        {
            return true;
        }

        var threshold = SingularityThreshold(a[..(n * n)], n);
        if (!(threshold > 0.0))
        {
            return false;
        }

        for (var j = 0; j < n; j++)
        {
            var pivotRow = j;
            var pivotAbs = Math.Abs(a[(j * n) + j]);
            for (var i = j + 1; i < n; i++)
            {
                var candidate = Math.Abs(a[(i * n) + j]);
                if (candidate > pivotAbs)
                {
                    pivotAbs = candidate;
                    pivotRow = i;
                }
            }

            if (!(pivotAbs > threshold))
            {
                return false;
            }

            if (pivotRow != j)
            {
                Swap(a.Slice(j * n, n), a.Slice(pivotRow * n, n));
                Swap(b.Slice(j * nrhs, nrhs), b.Slice(pivotRow * nrhs, nrhs));
            }

            var pivot = a[(j * n) + j];
            var width = n - j - 1;
            for (var i = j + 1; i < n; i++)
            {
                var l = a[(i * n) + j] / pivot;
                a[(i * n) + j] = l;
                if (l != 0.0)
                {
                    VectorOps.Axpy(-l, a.Slice((j * n) + j + 1, width), a.Slice((i * n) + j + 1, width));
                    VectorOps.Axpy(-l, b.Slice(j * nrhs, nrhs), b.Slice(i * nrhs, nrhs));
                }
            }
        }

        // Back substitution U·X = L⁻¹PB, row by row.
        for (var i = n - 1; i >= 0; i--)
        {
            var bRow = b.Slice(i * nrhs, nrhs);
            for (var c = i + 1; c < n; c++)
            {
                VectorOps.Axpy(-a[(i * n) + c], b.Slice(c * nrhs, nrhs), bRow);
            }

            var inverse = 1.0 / a[(i * n) + i];
            for (var c = 0; c < nrhs; c++)
            {
                bRow[c] *= inverse;
            }
        }

        return true;
    }

    private static void Swap(Span<double> x, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            (x[i], y[i]) = (y[i], x[i]);
        }
    }

    /// <summary>n·ε·max|A_ij|: a pivot at or below it means cond(A) ≳ 1/(nε), i.e. singular to working precision.
    /// NaN when A holds a non-finite entry (then no pivot passes and the solve reports failure).</summary>
    public static double SingularityThreshold(ReadOnlySpan<double> a, int n)
    {
        var max = 0.0;
        foreach (var x in a)
        {
            if (!double.IsFinite(x))
            {
                return double.NaN;
            }

            max = Math.Max(max, Math.Abs(x));
        }

        return n * Epsilon * max;
    }
}
