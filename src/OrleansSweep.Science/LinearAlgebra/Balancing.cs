namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Diagonal similarity scaling D⁻¹·A·D by powers of two that makes the off-diagonal norms of each row and column
/// comparable (Parlett &amp; Reinsch 1969), as LAPACK's dgebal does before dgeev.
/// </summary>
/// <remarks>
/// Powers of two make the scaling exact, so the eigenvalues are unchanged; the QR iteration's backward error
/// ε·‖A‖ then shrinks for badly scaled matrices (companion matrices, gated Jacobians whose rows differ by orders
/// of magnitude). Permutations (isolating eigenvalues) are not needed for correctness and are omitted.
/// The loop is bounded: a sweep that changes nothing ends it, and at most <see cref="MaxSweeps"/> run.
/// </remarks>
internal static class Balancing
{
    private const int MaxSweeps = 100;

    public static void Balance(Span<double> a, int n)
    {
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                double column = 0.0, row = 0.0;
                for (var j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        column += Math.Abs(a[(j * n) + i]);
                        row += Math.Abs(a[(i * n) + j]);
                    }
                }

                if (column == 0.0 || row == 0.0 || !double.IsFinite(column + row))
                {
                    continue;
                }

                // Find f = 2^p bringing column·f and row/f within a factor of 4 of each other (radix 2 ⇒ steps of 4).
                var total = column + row;
                var f = 1.0;
                var scaledColumn = column;
                while (scaledColumn < row / 2.0 && f < 1e150)
                {
                    f *= 2.0;
                    scaledColumn *= 4.0;
                }

                while (scaledColumn > row * 2.0 && f > 1e-150)
                {
                    f /= 2.0;
                    scaledColumn /= 4.0;
                }

                // Only scale when it reduces the combined norm noticeably, which guarantees termination.
                if ((column * f) + (row / f) >= 0.95 * total)
                {
                    continue;
                }

                changed = true;
                var inverse = 1.0 / f;
                for (var j = 0; j < n; j++)
                {
                    a[(i * n) + j] *= inverse;
                    a[(j * n) + i] *= f;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }
}
