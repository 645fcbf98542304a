namespace OrleansSweep.Science.Isometry;

/// <summary>
/// c* from a series c_t: the fixed point of the quadratic map c_{t+1} = m0 + m1 d + m2 d², d = c_t − ⟨c⟩, fitted by least
/// squares (§B.7: c* is the stable fixed point of the correlation map; χ_c its slope there).
/// </summary>
/// <remarks>
/// The plain time average of c_t is biased upward at finite N because the map is convex and its noise is amplified by
/// 1/(1 − χ_c); the fitted map's fixed point is not (measured at N = 200: 0.451, 0.453, 0.446 vs c* = 0.4468,
/// TheoryVersusSimulationCpsTests). A series whose spread is below 10⁻⁹ (the ordered phase, c_t → 1) or too short
/// (&lt; 8 points) returns its mean; a fit without a fixed point in [−1, 1] returns the mean too.
/// </remarks>
public static class CorrelationMap
{
    public static double FixedPoint(IReadOnlyList<double> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Count == 0)
        {
            return double.NaN;
        }

        var mean = c.Average();
        var spread = c.Max() - c.Min();
        if (c.Count < 8 || !(spread > 1e-9))
        {
            return mean;
        }

        // Normal equations of y = m0 + m1 d + m2 d² over pairs (c_t, c_{t+1}).
        var s = new double[5];
        var r = new double[3];
        for (var t = 0; t + 1 < c.Count; t++)
        {
            var d = c[t] - mean;
            var y = c[t + 1];
            var power = 1.0;
            for (var k = 0; k < 5; k++)
            {
                s[k] += power;
                if (k < 3)
                {
                    r[k] += power * y;
                }

                power *= d;
            }
        }

        var m = Solve3([[s[0], s[1], s[2]], [s[1], s[2], s[3]], [s[2], s[3], s[4]]], r);
        if (m is null)
        {
            return mean;
        }

        // Fixed point of M(d) = mean + d by Newton from d = 0.
        var x = 0.0;
        for (var k = 0; k < 50; k++)
        {
            var slope = m[1] + (2 * m[2] * x) - 1;
            if (slope == 0)
            {
                return mean;
            }

            x -= (m[0] + (m[1] * x) + (m[2] * x * x) - mean - x) / slope;
        }

        var fixedPoint = mean + x;
        return double.IsFinite(fixedPoint) && Math.Abs(fixedPoint) <= 1 ? fixedPoint : mean;
    }

    /// <summary>Cramer's rule for a 3×3 system; null when singular.</summary>
    private static double[]? Solve3(double[][] a, double[] b)
    {
        static double Det(double[][] m) =>
            (m[0][0] * ((m[1][1] * m[2][2]) - (m[1][2] * m[2][1]))) -
            (m[0][1] * ((m[1][0] * m[2][2]) - (m[1][2] * m[2][0]))) +
            (m[0][2] * ((m[1][0] * m[2][1]) - (m[1][1] * m[2][0])));

        var det = Det(a);
        if (!(Math.Abs(det) > 1e-300))
        {
            return null;
        }

        var x = new double[3];
        for (var col = 0; col < 3; col++)
        {
            var m = a.Select(row => (double[])row.Clone()).ToArray();
            for (var row = 0; row < 3; row++)
            {
                m[row][col] = b[row];
            }

            x[col] = Det(m) / det;
        }

        return x;
    }
}
