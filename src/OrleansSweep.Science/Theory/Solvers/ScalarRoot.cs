using MathNet.Numerics.RootFinding;

namespace OrleansSweep.Science.Theory.Solvers;

/// <summary>Bracketed scalar root finding: MathNet's Brent with a bisection fallback, so a bracket always yields a root.</summary>
/// <remarks>
/// MathNet's Brent stops when |f| &lt; accuracy or the bracket is below ~accuracy/2, so callers pass functions scaled to
/// O(1) near the root. If Brent does not converge in its budget, plain bisection (bounded to 200 halvings) finishes
/// the job; a bracket whose ends have the same sign is a caller error.
/// </remarks>
public static class ScalarRoot
{
    /// <summary>A root of f in [lower, upper], where f(lower) and f(upper) have opposite signs (or one is 0).</summary>
    public static double Bracketed(Func<double, double> f, double lower, double upper, double accuracy = 1e-14)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fLower = f(lower);
        var fUpper = f(upper);
        if (fLower == 0)
        {
            return lower;
        }

        if (fUpper == 0)
        {
            return upper;
        }

        if (Math.Sign(fLower) == Math.Sign(fUpper) || double.IsNaN(fLower) || double.IsNaN(fUpper))
        {
            throw new ArgumentException($"f does not change sign on [{lower}, {upper}] ({fLower}, {fUpper}).", nameof(f));
        }

        if (Brent.TryFindRoot(f, lower, upper, accuracy, 200, out var root) && root >= Math.Min(lower, upper) && root <= Math.Max(lower, upper))
        {
            return root;
        }

        for (var i = 0; i < 200 && Math.Abs(upper - lower) > accuracy * (1 + Math.Abs(lower)); i++)
        {
            var middle = 0.5 * (lower + upper);
            var fMiddle = f(middle);
            if (fMiddle == 0)
            {
                return middle;
            }

            if (Math.Sign(fMiddle) == Math.Sign(fLower))
            {
                lower = middle;
                fLower = fMiddle;
            }
            else
            {
                upper = middle;
            }
        }

        return 0.5 * (lower + upper);
    }

    /// <summary>
    /// The first grid interval on which f changes sign in the requested direction, refined by
    /// <see cref="Bracketed"/>; null when the grid shows no such change.
    /// </summary>
    /// <param name="f">the function.</param>
    /// <param name="grid">increasing abscissae.</param>
    /// <param name="upward">true: the first crossing from f &lt; 0 to f ≥ 0; false: from f &gt; 0 to f ≤ 0.</param>
    /// <param name="ct">observed between grid points.</param>
    /// <param name="accuracy">passed to <see cref="Bracketed"/>.</param>
    public static double? FirstCrossing(Func<double, double> f, IReadOnlyList<double> grid, bool upward, CancellationToken ct, double accuracy = 1e-14)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(grid);
        var previous = f(grid[0]);
        for (var i = 1; i < grid.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var value = f(grid[i]);
            var crosses = upward ? previous < 0 && value >= 0 : previous > 0 && value <= 0;
            if (crosses)
            {
                return Bracketed(f, grid[i - 1], grid[i], accuracy);
            }

            previous = value;
        }

        return null;
    }

    /// <summary>count points spaced geometrically from lower to upper (both &gt; 0), increasing.</summary>
    public static double[] GeometricGrid(double lower, double upper, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var grid = new double[count];
        var ratio = Math.Log(upper / lower) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            grid[i] = lower * Math.Exp(ratio * i);
        }

        grid[count - 1] = upper;
        return grid;
    }
}
