namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Eigenvalues of a real symmetric tridiagonal matrix by Sturm-sequence bisection (§B.4): the number of eigenvalues
/// below x equals the number of negative pivots of the LDLᵀ factorisation of T − xI.
/// </summary>
/// <remarks>
/// Matrix: diagonal d_0…d_{n−1}; <c>offDiagonalSquares[i]</c> = e_i² couples rows i and i+1 (length n − 1). A pivot
/// that vanishes is replaced by −(tiny), the standard LAPACK (dstebz) guard. Bisection brackets from the Gershgorin
/// bounds and stops at an absolute width of <c>tolerance</c> or after 200 halvings; each count is O(n).
/// </remarks>
public static class SturmSequence
{
    /// <summary>Number of eigenvalues strictly below <paramref name="x"/>.</summary>
    public static int CountBelow(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonalSquares, double x)
    {
        var count = 0;
        var pivot = diagonal[0] - x;
        var guard = 1e-300;
        if (pivot == 0)
        {
            pivot = -guard;
        }

        if (pivot < 0)
        {
            count++;
        }

        for (var i = 1; i < diagonal.Length; i++)
        {
            pivot = diagonal[i] - x - offDiagonalSquares[i - 1] / pivot;
            if (pivot == 0)
            {
                pivot = -guard;
            }

            if (pivot < 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The eigenvalue of rank <paramref name="index"/> (0 = smallest), to an absolute width <paramref name="tolerance"/>.</summary>
    public static double Eigenvalue(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonalSquares, int index, double tolerance, CancellationToken ct = default)
    {
        var n = diagonal.Length;
        ArgumentOutOfRangeException.ThrowIfNotEqual(offDiagonalSquares.Length, n - 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, n);
        double lower = double.PositiveInfinity, upper = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var radius = (i > 0 ? Math.Sqrt(offDiagonalSquares[i - 1]) : 0) + (i < n - 1 ? Math.Sqrt(offDiagonalSquares[i]) : 0);
            lower = Math.Min(lower, diagonal[i] - radius);
            upper = Math.Max(upper, diagonal[i] + radius);
        }

        for (var iteration = 0; iteration < 200 && upper - lower > tolerance; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var middle = 0.5 * (lower + upper);
            if (CountBelow(diagonal, offDiagonalSquares, middle) > index)
            {
                upper = middle;
            }
            else
            {
                lower = middle;
            }
        }

        return 0.5 * (lower + upper);
    }
}
