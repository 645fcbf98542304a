namespace OrleansSweep.Reports.Contours;

/// <summary>Joins contour segments that share an edge point into polylines.</summary>
/// <remarks>
/// Each grid edge is touched by at most two segments (one from each square beside it), so every chain is a simple
/// walk. Open chains are walked first from their free ends, then the remaining closed loops. Segments are visited in
/// grid order, so the output is deterministic.
/// </remarks>
internal static class ContourChains
{
    public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> Join(
        IReadOnlyList<(long A, long B)> segments, Func<long, (double X, double Y)> point)
    {
        var byEdge = new Dictionary<long, List<int>>();
        for (var s = 0; s < segments.Count; s++)
        {
            Touch(byEdge, segments[s].A, s);
            Touch(byEdge, segments[s].B, s);
        }

        var used = new bool[segments.Count];
        var lines = new List<IReadOnlyList<(double X, double Y)>>();
        for (var s = 0; s < segments.Count; s++)
        {
            if (used[s])
            {
                continue;
            }

            var (a, b) = segments[s];
            if (byEdge[a].Count == 1)
            {
                lines.Add(Walk(segments, byEdge, used, s, a, point));
            }
            else if (byEdge[b].Count == 1)
            {
                lines.Add(Walk(segments, byEdge, used, s, b, point));
            }
        }

        for (var s = 0; s < segments.Count; s++)
        {
            if (!used[s])
            {
                lines.Add(Walk(segments, byEdge, used, s, segments[s].A, point));
            }
        }

        return lines;
    }

    private static void Touch(Dictionary<long, List<int>> byEdge, long edge, int segment)
    {
        if (!byEdge.TryGetValue(edge, out var list))
        {
            list = new List<int>(2);
            byEdge[edge] = list;
        }

        list.Add(segment);
    }

    private static List<(double X, double Y)> Walk(
        IReadOnlyList<(long A, long B)> segments,
        Dictionary<long, List<int>> byEdge,
        bool[] used,
        int start,
        long from,
        Func<long, (double X, double Y)> point)
    {
        var line = new List<(double X, double Y)> { point(from) };
        var s = start;
        var at = from;
        // Bounded: every step marks one more segment as used.
        while (s >= 0)
        {
            used[s] = true;
            var (a, b) = segments[s];
            at = a == at ? b : a;
            line.Add(point(at));
            s = -1;
            foreach (var candidate in byEdge[at])
            {
                if (!used[candidate])
                {
                    s = candidate;
                    break;
                }
            }
        }

        return line;
    }
}
