namespace OrleansSweep.Science.Spectra;

/// <summary>The rightmost real solution of F(λ) = 1 for a boundary function that decreases to the right of its last pole.</summary>
internal static class RealEdge
{
    private const int MaxDoublings = 200;
    private const int BisectionSteps = 200;

    /// <summary>
    /// Every boundary of §B.1–B.6 is a positive sum of weights / (λ − pole)² (times decreasing positive factors), so on
    /// the real axis right of the rightmost pole it decreases from +∞ to 0 and crosses 1 once. Bisection is used
    /// (robust for the steep, many-pole functions of large α_z); it stops when the bracket no longer shrinks.
    /// </summary>
    public static double RightOf(double rightmostPole, Func<double, double> boundary)
    {
        var scale = Math.Max(1.0, Math.Abs(rightmostPole));
        var lo = rightmostPole;
        var step = 1e-3 * scale;
        var hi = lo + step;
        for (var i = 0; i < MaxDoublings && boundary(hi) >= 1.0; i++)
        {
            lo = hi;
            step *= 2;
            hi = rightmostPole + step;
        }

        for (var i = 0; i < BisectionSteps; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (boundary(mid) >= 1.0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
