namespace OrleansSweep.Reports.Contours;

/// <summary>
/// Iso-lines of a field sampled on a rectilinear grid of nodes, by marching squares with linear interpolation along
/// the edges, joined into polylines.
/// </summary>
/// <remarks>
/// A node is "above" when f ≥ level. Squares with a missing (NaN) corner are skipped, so lines end at missing data.
/// Saddle squares (diagonal corners on the same side) are resolved by the mean of the four corners, the usual
/// bilinear-centre decider: if the centre is above, the above corners are joined through the middle. The choice
/// depends only on the square's own four values, so neighbouring squares always agree on the shared edge points and
/// the result is reproducible. For a field that is linear in (x, y) the interpolated points lie exactly on the
/// iso-line, up to rounding.
/// </remarks>
internal static class MarchingSquares
{
    /// <summary>
    /// Traces the <paramref name="level"/> iso-lines of <paramref name="field"/>[ix, iy] sampled at nodes
    /// (<paramref name="xs"/>[ix], <paramref name="ys"/>[iy]).
    /// </summary>
    /// <returns>Polylines in the coordinates of <paramref name="xs"/>, <paramref name="ys"/>; a closed loop repeats its first point at the end.</returns>
    public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> Trace(
        IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] field, double level)
    {
        var nx = xs.Count;
        var ny = ys.Count;
        if (field.GetLength(0) != nx || field.GetLength(1) != ny)
        {
            throw new ArgumentException($"Field is {field.GetLength(0)}×{field.GetLength(1)}, nodes are {nx}×{ny}.", nameof(field));
        }

        var edges = new EdgePoints(xs, ys, field, level);
        var segments = new List<(long A, long B)>();
        for (var i = 0; i + 1 < nx; i++)
        {
            for (var j = 0; j + 1 < ny; j++)
            {
                AddSquare(segments, edges, field, level, i, j);
            }
        }

        return ContourChains.Join(segments, edges.Point);
    }

    private static void AddSquare(List<(long, long)> segments, EdgePoints edges, double[,] f, double level, int i, int j)
    {
        double v0 = f[i, j], v1 = f[i + 1, j], v2 = f[i + 1, j + 1], v3 = f[i, j + 1];
        if (double.IsNaN(v0) || double.IsNaN(v1) || double.IsNaN(v2) || double.IsNaN(v3))
        {
            return;
        }

        var index = (v0 >= level ? 1 : 0) | (v1 >= level ? 2 : 0) | (v2 >= level ? 4 : 0) | (v3 >= level ? 8 : 0);
        if (index is 0 or 15)
        {
            return;
        }

        // Edges of the square: bottom (v0–v1), right (v1–v2), top (v3–v2), left (v0–v3).
        var bottom = edges.Horizontal(i, j);
        var right = edges.Vertical(i + 1, j);
        var top = edges.Horizontal(i, j + 1);
        var left = edges.Vertical(i, j);
        var centreAbove = 0.25 * (v0 + v1 + v2 + v3) >= level;
        switch (index)
        {
            case 1 or 14:
                segments.Add((left, bottom));
                break;
            case 2 or 13:
                segments.Add((bottom, right));
                break;
            case 3 or 12:
                segments.Add((left, right));
                break;
            case 4 or 11:
                segments.Add((right, top));
                break;
            case 6 or 9:
                segments.Add((bottom, top));
                break;
            case 7 or 8:
                segments.Add((top, left));
                break;
            case 5:
                // v0 and v2 above. Centre above: they connect, cutting off v1 and v3; else they are cut off themselves.
                segments.Add(centreAbove ? (bottom, right) : (left, bottom));
                segments.Add(centreAbove ? (top, left) : (right, top));
                break;
            case 10:
                // v1 and v3 above.
                segments.Add(centreAbove ? (left, bottom) : (bottom, right));
                segments.Add(centreAbove ? (right, top) : (top, left));
                break;
        }
    }

    /// <summary>Edge identities and their interpolated crossing points (computed once per edge, shared by both squares).</summary>
    private sealed class EdgePoints(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] f, double level)
    {
        private readonly int _stride = ys.Count + 1;

        /// <summary>Edge from node (i, j) to (i + 1, j).</summary>
        public long Horizontal(int i, int j) => (((long)i * _stride) + j) * 2;

        /// <summary>Edge from node (i, j) to (i, j + 1).</summary>
        public long Vertical(int i, int j) => ((((long)i * _stride) + j) * 2) + 1;

        public (double X, double Y) Point(long key)
        {
            var vertical = (key & 1) == 1;
            var node = key / 2;
            var i = (int)(node / _stride);
            var j = (int)(node % _stride);
            var (i2, j2) = vertical ? (i, j + 1) : (i + 1, j);
            var a = f[i, j];
            var b = f[i2, j2];
            // a and b lie on opposite sides of the level, so b − a ≠ 0.
            var t = (level - a) / (b - a);
            return (xs[i] + (t * (xs[i2] - xs[i])), ys[j] + (t * (ys[j2] - ys[j])));
        }
    }
}
