using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Benchmarks.Refinement;

/// <summary>
/// The uniform grid's boundary as a curve rather than a set of points: its crossings joined cell by cell, as marching
/// squares joins them (two crossings on a grid square's edges make one segment; four, a saddle, make two, paired by the
/// mean of the square's corners). Distances to this curve are distances to the boundary itself; distances to its
/// points over-state them by up to half a cell, since the points sit a cell apart along the curve.
/// </summary>
/// <remarks>Coordinates are in finest cells (g_h / Δg, α_r / Δα), as in <see cref="BoundaryComparison"/>.</remarks>
internal sealed class UniformContour
{
    private readonly List<((double G, double A) From, (double G, double A) To)> segments = [];
    private readonly List<(double G, double A)> loosePoints = [];

    public UniformContour(RefinedRun uniform, IReadOnlyList<BoundaryPoint> crossings, double cellG, double cellA, double level)
    {
        var nodeOf = new Dictionary<int, (int I, int J)>();
        var meanAt = new Dictionary<(int I, int J), double>();
        foreach (var sample in uniform.Samples)
        {
            var values = uniform.Plan.CellAt(sample.Index).Cell.AxisValues;
            var node = ((int)Math.Round(values["gH"] / cellG), (int)Math.Round(values["alphaR"] / cellA));
            nodeOf[sample.Index] = node;
            if (sample.Mean is { } mean && double.IsFinite(mean))
            {
                meanAt[node] = mean;
            }
        }

        // Each crossing lies on the grid edge between its two cells' nodes.
        var onEdge = new Dictionary<((int, int), (int, int)), (double G, double A)>();
        foreach (var crossing in crossings)
        {
            var (a, b) = (nodeOf[crossing.IndexA], nodeOf[crossing.IndexB]);
            onEdge[Edge(a, b)] = (Coordinate(crossing, "gH") / cellG, Coordinate(crossing, "alphaR") / cellA);
        }

        var used = new HashSet<((int, int), (int, int))>();
        foreach (var (i, j) in meanAt.Keys)
        {
            // The square with lower-left node (i, j); its edges in order around it: bottom, right, top, left.
            (int, int) c00 = (i, j), c10 = (i + 1, j), c11 = (i + 1, j + 1), c01 = (i, j + 1);
            var edges = new[] { Edge(c00, c10), Edge(c10, c11), Edge(c11, c01), Edge(c01, c00) };
            var present = edges.Where(onEdge.ContainsKey).ToList();
            if (present.Count == 2)
            {
                segments.Add((onEdge[present[0]], onEdge[present[1]]));
            }
            else if (present.Count == 4 && new[] { c00, c10, c11, c01 }.All(meanAt.ContainsKey))
            {
                // Saddle: the centre (mean of the corners) is on c00's side or not; the curve separates it accordingly.
                var centre = new[] { c00, c10, c11, c01 }.Average(c => meanAt[c]);
                var centreWithC00 = (centre > level) == (meanAt[c00] > level);
                segments.Add(centreWithC00 ? (onEdge[edges[0]], onEdge[edges[1]]) : (onEdge[edges[3]], onEdge[edges[0]]));
                segments.Add(centreWithC00 ? (onEdge[edges[2]], onEdge[edges[3]]) : (onEdge[edges[1]], onEdge[edges[2]]));
            }
            else
            {
                continue;
            }

            used.UnionWith(present);
        }

        loosePoints.AddRange(onEdge.Where(e => !used.Contains(e.Key)).Select(e => e.Value));
    }

    /// <summary>The distance from <paramref name="point"/> to the nearest segment or unjoined crossing; +∞ when there are none.</summary>
    public double DistanceTo((double G, double A) point)
    {
        var best = double.PositiveInfinity;
        foreach (var (from, to) in segments)
        {
            best = Math.Min(best, ToSegment(point, from, to));
        }

        foreach (var loose in loosePoints)
        {
            best = Math.Min(best, Math.Sqrt(Square(point.G - loose.G) + Square(point.A - loose.A)));
        }

        return best;
    }

    private static ((int, int), (int, int)) Edge((int I, int J) a, (int I, int J) b) =>
        a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    private static double Coordinate(BoundaryPoint point, string axis) => point.Coordinates.Single(c => c.Axis == axis).Value;

    private static double ToSegment((double G, double A) p, (double G, double A) a, (double G, double A) b)
    {
        var (dg, da) = (b.G - a.G, b.A - a.A);
        var length2 = dg * dg + da * da;
        var t = length2 == 0 ? 0 : Math.Clamp(((p.G - a.G) * dg + (p.A - a.A) * da) / length2, 0, 1);
        return Math.Sqrt(Square(p.G - a.G - t * dg) + Square(p.A - a.A - t * da));
    }

    private static double Square(double x) => x * x;
}
