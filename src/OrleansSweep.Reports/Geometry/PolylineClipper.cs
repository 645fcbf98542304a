namespace OrleansSweep.Reports.Geometry;

/// <summary>Clips polylines to an axis-aligned rectangle (Liang–Barsky per segment).</summary>
/// <remarks>
/// Clipping in code rather than with an SVG clipPath keeps far-away points (a theory curve evaluated beyond the
/// sweep, or diverging to 10^300) out of the file, where some renderers lose precision on huge coordinates.
/// Non-finite points break the line.
/// </remarks>
internal static class PolylineClipper
{
    public static IReadOnlyList<List<(double X, double Y)>> Clip(
        IReadOnlyList<(double X, double Y)> points, double left, double top, double right, double bottom)
    {
        var pieces = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? current = null;
        for (var i = 1; i < points.Count; i++)
        {
            var a = points[i - 1];
            var b = points[i];
            if (!IsFinite(a) || !IsFinite(b) || !TryClip(ref a, ref b, left, top, right, bottom))
            {
                current = null;
                continue;
            }

            if (current is null || current[^1] != a)
            {
                current = [a];
                pieces.Add(current);
            }

            current.Add(b);
        }

        return pieces;
    }

    private static bool IsFinite((double X, double Y) p) => double.IsFinite(p.X) && double.IsFinite(p.Y);

    private static bool TryClip(ref (double X, double Y) a, ref (double X, double Y) b, double left, double top, double right, double bottom)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var t0 = 0.0;
        var t1 = 1.0;
        if (!Edge(-dx, a.X - left, ref t0, ref t1) || !Edge(dx, right - a.X, ref t0, ref t1)
            || !Edge(-dy, a.Y - top, ref t0, ref t1) || !Edge(dy, bottom - a.Y, ref t0, ref t1))
        {
            return false;
        }

        var start = t0 > 0 ? (a.X + (t0 * dx), a.Y + (t0 * dy)) : a;
        var end = t1 < 1 ? (a.X + (t1 * dx), a.Y + (t1 * dy)) : b;
        a = start;
        b = end;
        return true;
    }

    private static bool Edge(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }

        var r = q / p;
        if (p < 0)
        {
            if (r > t1)
            {
                return false;
            }

            t0 = Math.Max(t0, r);
        }
        else
        {
            if (r < t0)
            {
                return false;
            }

            t1 = Math.Min(t1, r);
        }

        return true;
    }
}
