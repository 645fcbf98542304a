namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// The slope of a metric along one axis from a few samples, by weighted least squares (weights 1/SEM²): the
/// straight line through A's outer neighbour, A, B and B's outer neighbour.
/// </summary>
/// <remarks>
/// Why: a boundary point's uncertainty is the noise of the interpolated level divided by the slope. The slope of the
/// pair alone is biased upward exactly where it matters: refinement stops near the scale where the pair's difference is
/// barely resolved, and the pairs that pass the split rule are those whose noise widened the difference. A baseline
/// three cells long resolves the slope there without that selection. Null when fewer than three samples are usable or
/// a SEM is 0 (exact values: the pair's own slope is then exact too).
/// </remarks>
internal static class StencilSlope
{
    public static double? Fit(IReadOnlyList<(double Coordinate, double Mean, double Sem)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3 || points.Any(p => p.Sem <= 0))
        {
            return null;
        }

        double s = 0, sx = 0, sxx = 0, sy = 0, sxy = 0;
        foreach (var (x, y, sem) in points)
        {
            var w = 1 / (sem * sem);
            s += w;
            sx += w * x;
            sxx += w * x * x;
            sy += w * y;
            sxy += w * x * y;
        }

        var determinant = s * sxx - sx * sx;
        return determinant > 0 ? (s * sxy - sx * sy) / determinant : null;
    }
}
