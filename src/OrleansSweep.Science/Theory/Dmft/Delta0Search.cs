using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Finds the largest root Δ0 &gt; 0 of a DMFT balance function Φ(Δ0) = F(Δ0)/Δ0² (§B.3 "take the largest admissible
/// root"), or establishes that there is none.
/// </summary>
/// <remarks>
/// Φ ≥ 0 at the upper bound (Δ0²/2 ≥ ∫ν there) and Φ → (1 − K(0))/2 as Δ0 → 0. The scan runs down a geometric grid of
/// 17 points over four decades from the bound; the first negative value brackets the largest root with the previous
/// point (Brent). Without a negative grid value, a golden-section search around the grid minimum catches a narrow
/// dip (the saddle-node of a discontinuous transition), and when Φ(0+) &lt; 0 (zero fixed point unstable) the scan
/// continues down by decades to 10⁻¹⁴·bound. Cost: 17–35 evaluations of Φ.
/// </remarks>
internal static class Delta0Search
{
    private const int GridPoints = 17;
    private const double Span = 1e-4;

    /// <summary>The largest root, or null when no non-zero root exists (to the search's resolution).</summary>
    public static double? Largest(Func<double, double> balance, double upper, double limitAtZero, bool existenceOnly, CancellationToken ct)
    {
        var ratio = Math.Pow(Span, 1.0 / (GridPoints - 1));
        var previousX = upper;
        var previous = balance(upper);
        if (previous < 0)
        {
            throw new InvalidOperationException($"The DMFT balance is negative ({previous}) at the bound Δ0 = {upper}.");
        }

        var minX = upper;
        var minValue = previous;
        var x = upper;
        for (var k = 1; k < GridPoints; k++)
        {
            ct.ThrowIfCancellationRequested();
            x *= ratio;
            var value = balance(x);
            if (value < 0)
            {
                return existenceOnly ? x : ScalarRoot.Bracketed(balance, x, previousX);
            }

            if (value < minValue)
            {
                minValue = value;
                minX = x;
            }

            previousX = x;
        }

        if (limitAtZero < 0)
        {
            // Continuous transition just above threshold: the root lies below the grid.
            for (var decade = 0; decade < 11; decade++)
            {
                ct.ThrowIfCancellationRequested();
                var lower = x * 0.1;
                if (balance(lower) < 0)
                {
                    return existenceOnly ? lower : ScalarRoot.Bracketed(balance, lower, x);
                }

                x = lower;
            }

            return null;
        }

        // Refine the grid minimum in ln Δ0 over its two neighbours.
        var lnMin = Math.Log(minX);
        var step = -Math.Log(ratio);
        var (lnBest, best) = GoldenSection.Minimize(t => balance(Math.Exp(t)), lnMin - step, Math.Min(lnMin + step, Math.Log(upper)), 1e-3 * step, ct);
        if (best >= 0)
        {
            return null;
        }

        var dip = Math.Exp(lnBest);
        if (existenceOnly)
        {
            return dip;
        }

        // Largest root: between the dip and the grid point above it (where Φ ≥ 0).
        var above = Math.Min(upper, Math.Exp(lnMin + step));
        return balance(above) >= 0 ? ScalarRoot.Bracketed(balance, dip, above) : ScalarRoot.Bracketed(balance, dip, upper);
    }
}
