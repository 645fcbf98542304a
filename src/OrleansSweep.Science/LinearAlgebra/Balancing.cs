namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// LAPACK dgebal's balancing, in two similarity steps: <see cref="Isolate"/> permutes rows and columns that isolate
/// an eigenvalue to the ends of the matrix, and <see cref="Scale"/> applies a diagonal scaling D⁻¹·A·D by powers of
/// two that makes the norms of each row and column comparable (Parlett &amp; Reinsch 1969).
/// </summary>
/// <remarks>
/// Both steps are exact in floating point (permutations and powers of two), so the eigenvalues are unchanged.
/// Isolation reads the isolated eigenvalues off the diagonal exactly — the N-fold −1/τ_z and −1/τ_r of a gated
/// Jacobian at the origin (§B.2 item 1), or the zeros of zero rows — instead of asking the QR iteration to resolve a huge
/// cluster; scaling shrinks the backward error ε·‖A‖ of the QR iteration for badly scaled matrices.
/// The loops are bounded: isolation moves at most n rows, and at most <see cref="MaxSweeps"/> scaling sweeps run.
/// </remarks>
internal static partial class Balancing
{
    private const int MaxSweeps = 100;
    private const double Radix = 2.0;
    private const double SufficientReduction = 0.95;

    // dgebal's bounds on the accumulated factors: SafeMinimum/ε and its reciprocal, and a radix further in.
    private const double SmallFactor = 2.2250738585072014e-308 / 2.220446049250313e-16;
    private const double LargeFactor = 1.0 / SmallFactor;
    private const double SmallStep = SmallFactor * Radix;
    private const double LargeStep = 1.0 / SmallStep;

    /// <summary>Scales the rows and columns of the row-major n×n matrix <paramref name="a"/> in place (dgebal job 'S').</summary>
    /// <remarks>
    /// Column i is multiplied and row i divided by f = 2^p chosen so that the 2-norms c of the column and r of the row
    /// become comparable; the step is taken only when it reduces c + r by at least 5 %, which guarantees termination.
    /// Zero rows or columns are left alone.
    /// </remarks>
    public static void Scale(Span<double> a, int n)
    {
        Span<double> factors = n <= 256 ? stackalloc double[n] : new double[n];
        factors.Fill(1.0);
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                changed |= ScaleOne(a, n, i, ref factors[i]);
            }

            if (!changed)
            {
                return;
            }
        }
    }

    private static bool ScaleOne(Span<double> a, int n, int i, ref double accumulated)
    {
        double columnMax = 0.0, rowMax = 0.0;
        for (var j = 0; j < n; j++)
        {
            columnMax = Math.Max(columnMax, Math.Abs(a[(j * n) + i]));
            rowMax = Math.Max(rowMax, Math.Abs(a[(i * n) + j]));
        }

        if (columnMax == 0.0 || rowMax == 0.0 || !double.IsFinite(columnMax + rowMax))
        {
            return false;
        }

        // 2-norms (diagonal included, as in dgebal), scaled by the largest entry so that the squares cannot overflow.
        double column = 0.0, row = 0.0;
        for (var j = 0; j < n; j++)
        {
            var x = a[(j * n) + i] / columnMax;
            var y = a[(i * n) + j] / rowMax;
            column += x * x;
            row += y * y;
        }

        column = columnMax * Math.Sqrt(column);
        row = rowMax * Math.Sqrt(row);
        var total = column + row;
        var f = 1.0;
        var g = row / Radix;
        while (column < g && Math.Max(f, Math.Max(column, columnMax)) < LargeStep && Math.Min(row, Math.Min(g, rowMax)) > SmallStep)
        {
            f *= Radix;
            column *= Radix;
            columnMax *= Radix;
            row /= Radix;
            g /= Radix;
            rowMax /= Radix;
        }

        g = column / Radix;
        while (g >= row && Math.Max(row, rowMax) < LargeStep && Math.Min(Math.Min(f, column), Math.Min(g, columnMax)) > SmallStep)
        {
            f /= Radix;
            column /= Radix;
            g /= Radix;
            columnMax /= Radix;
            row *= Radix;
            rowMax *= Radix;
        }

        if (column + row >= SufficientReduction * total
            || (f < 1.0 && accumulated < 1.0 && f * accumulated <= SmallFactor)
            || (f > 1.0 && accumulated > 1.0 && accumulated >= LargeFactor / f))
        {
            return false;
        }

        accumulated *= f;
        var inverse = 1.0 / f;
        for (var j = 0; j < n; j++)
        {
            a[(i * n) + j] *= inverse;
            a[(j * n) + i] *= f;
        }

        return true;
    }
}
