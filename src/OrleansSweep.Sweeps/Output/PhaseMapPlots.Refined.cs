using System.Globalization;
using OrleansSweep.Reports;
using OrleansSweep.Reports.Text;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Output;

/// <summary>
/// Pictures of a refined sweep, placed by the phase map's own columns (axis values, <c>depth</c>,
/// <c>&lt;axis&gt;_lower</c>/<c>_upper</c>) so a map read back from Parquet draws the same: a heat map of the leaf
/// cells at their extents with the boundary's points and ±SEM bars over it, or with one axis a line plot through every
/// computed cell's sample with the boundary marked.
/// </summary>
public static partial class PhaseMapPlots
{
    private static string? RenderRefined(
        PhaseMap map, SweepPlan plan, RefinementPlan refinement, PhaseMapColumn column, string metric, string? xParameter, string? yParameter,
        IReadOnlyList<BoundaryPoint>? boundary)
    {
        // Refined axes first: the picture is about them; a further grid axis is a slice (or y when one axis is refined).
        var preferred = plan.Axes.OrderBy(a => refinement.Axes.Contains(a.Parameter) ? 0 : 1).ToList();
        var x = plan.Axes.FirstOrDefault(a => a.Parameter == xParameter) ?? preferred[0];
        var y = plan.Axes.FirstOrDefault(a => a.Parameter == yParameter && a != x) ?? preferred.FirstOrDefault(a => a != x);
        var others = plan.Axes.Where(a => a != x && a != y).ToList();
        var rows = Enumerable.Range(0, map.Rows).Where(r => others.All(o => RowValue(map, r, o.Parameter) == o.Values[0])).ToList();
        if (rows.Count <= 1 || !rows.Any(r => column.NumberAt(r) is { } v && double.IsFinite(v)))
        {
            return null;
        }

        boundary ??= refinement.Boundary(RefinementOutputs.Samples(refinement, map) ?? []);
        var points = boundary.Where(p => others.All(o => SliceValue(p, o.Parameter) is not { } s || s == o.Values[0])).ToList();
        var slice = others.Count == 0 ? null : "slice at " + string.Join(", ", others.Select(o => $"{SymbolLabels.Parameter(o.Parameter)} = {o.Values[0].ToString("G4", CultureInfo.InvariantCulture)}"));
        var refined = $"refined to depth {refinement.Settings.Depth.ToString(CultureInfo.InvariantCulture)}: {rows.Count.ToString(CultureInfo.InvariantCulture)} cells";
        var options = new HeatMapOptions(
            $"{LabelMarkup.Literal(plan.Name)}: {SymbolLabels.Metric(metric)}",
            Subtitle: string.Join(" · ", new[] { $"model {LabelMarkup.Literal(plan.Model)}", refined, slice }.OfType<string>()),
            Overlays: y is null ? [] : RefinedOverlays(map, x, y, rows));
        if (y is null)
        {
            return RefinedLinePlot(map, metric, x, rows, points, options);
        }

        var cells = Leaves(map, refinement, x, y, rows).Select(r => CellOf(map, refinement, x, y, r, column)).ToList();
        var marks = points.Select(p => (X: Coordinate(p, x.Parameter), Y: Coordinate(p, y.Parameter), p.Significant))
            .Select(m => new BoundaryMark(m.X.Value, m.Y.Value, m.X.Sem, m.Y.Sem, m.Significant, m.X.Range, m.Y.Range)).ToList();
        var data = new CellMapData(AxisOf(x), AxisOf(y), metric, SymbolLabels.Metric(metric), cells, marks, BoundaryLabel(refinement));
        return CellMapSvg.Render(data, options);
    }

    /// <summary>One axis: every computed cell at its sample, in axis order, with the boundary's crossings.</summary>
    private static string RefinedLinePlot(PhaseMap map, string metric, PlanAxis x, List<int> rows, List<BoundaryPoint> points, HeatMapOptions options)
    {
        var ordered = rows.OrderBy(r => RowValue(map, r, x.Parameter)).ToList();
        List<double?>? Series(string name) => map.Find(name) is { } c ? ordered.Select(c.NumberAt).ToList() : null;
        var status = map.Find("status");
        var data = new LinePlotData(
            AxisOf(x) with { Values = ordered.Select(r => RowValue(map, r, x.Parameter)).ToList() },
            SymbolLabels.Metric(metric),
            Series(metric)!,
            Series(metric + "_sem"),
            metric.StartsWith("theory_", StringComparison.Ordinal) ? null : Series("theory_" + metric),
            status is null ? null : ordered.Select(r => (string?)status.Values.GetValue(r) == "failed").ToList(),
            points.Select(p => new LineCrossing(Coordinate(p, x.Parameter).Value, Coordinate(p, x.Parameter).Sem, p.Significant)).ToList());
        return LinePlotSvg.Render(data, options);
    }

    /// <summary>
    /// The rows of the slice that are leaves: no row one level deeper starts at the same corner (the first child of a
    /// split cell shares its parent's lower edges, which the lattice makes identical doubles). Shallower first.
    /// </summary>
    internal static IEnumerable<int> Leaves(PhaseMap map, RefinementPlan refinement, PlanAxis x, PlanAxis y, List<int> rows)
    {
        var depth = map.Find(RefinementColumns.Depth)!;
        string Key(int row, int level) => string.Join(
            "|",
            new[] { x, y }.Select(a => refinement.Axes.Contains(a.Parameter)
                ? map.Find(RefinementColumns.Lower(a.Parameter))!.NumberAt(row)!.Value.ToString("R", CultureInfo.InvariantCulture)
                : RowValue(map, row, a.Parameter).ToString("R", CultureInfo.InvariantCulture)).Prepend(level.ToString(CultureInfo.InvariantCulture)));
        int DepthOf(int row) => (int)depth.NumberAt(row)!.Value;
        var starts = rows.Select(r => Key(r, DepthOf(r))).ToHashSet(StringComparer.Ordinal);
        return rows.Where(r => !starts.Contains(Key(r, DepthOf(r) + 1))).OrderBy(DepthOf).ThenBy(r => r);
    }

    private static MapCell CellOf(PhaseMap map, RefinementPlan refinement, PlanAxis x, PlanAxis y, int row, PhaseMapColumn column)
    {
        var (xLower, xUpper) = Extent(map, refinement, x, row);
        var (yLower, yUpper) = Extent(map, refinement, y, row);
        return new MapCell(xLower, xUpper, yLower, yUpper, column.NumberAt(row) is { } v && double.IsFinite(v) ? v : null);
    }

    /// <summary>A row's extent along a plotted axis: its own columns on a refined axis, the grid cell's edges otherwise.</summary>
    private static (double Lower, double Upper) Extent(PhaseMap map, RefinementPlan refinement, PlanAxis axis, int row)
    {
        if (refinement.Axes.Contains(axis.Parameter))
        {
            return (map.Find(RefinementColumns.Lower(axis.Parameter))!.NumberAt(row)!.Value, map.Find(RefinementColumns.Upper(axis.Parameter))!.NumberAt(row)!.Value);
        }

        var edges = GridEdges(axis);
        var value = RowValue(map, row, axis.Parameter);
        var i = Enumerable.Range(0, axis.Values.Count).First(k => axis.Values[k] == value);
        return (Math.Min(edges[i], edges[i + 1]), Math.Max(edges[i], edges[i + 1]));
    }

    /// <summary>Cell edges of an axis that is not refined, as the uniform heat map draws them: halfway (in log space on a log axis), the outer ones half a spacing out.</summary>
    private static double[] GridEdges(PlanAxis axis)
    {
        var log = axis.Logarithmic && axis.Values.All(v => v > 0);
        var c = axis.Values.Select(v => log ? Math.Log10(v) : v).ToArray();
        var edges = new double[c.Length + 1];
        if (c.Length == 1)
        {
            var half = log ? 0.5 : (c[0] != 0 ? 0.1 * Math.Abs(c[0]) : 0.5);
            (edges[0], edges[1]) = (c[0] - half, c[0] + half);
        }
        else
        {
            edges[0] = c[0] - (0.5 * (c[1] - c[0]));
            for (var i = 1; i < c.Length; i++)
            {
                edges[i] = 0.5 * (c[i - 1] + c[i]);
            }

            edges[^1] = c[^1] + (0.5 * (c[^1] - c[^2]));
        }

        return log ? [.. edges.Select(e => Math.Pow(10, e))] : edges;
    }

    /// <summary>Theory lines through every row of the slice (children add points between the grid's), one per distinct y.</summary>
    internal static List<OverlayLine> RefinedOverlays(PhaseMap map, PlanAxis x, PlanAxis y, List<int> rows)
    {
        var lines = new List<OverlayLine>();
        foreach (var (columnName, parameter, label) in CriticalValues)
        {
            if (x.Parameter != parameter || map.Find(columnName) is not { } column)
            {
                continue;
            }

            var points = rows
                .Select(r => (Critical: column.NumberAt(r), Y: RowValue(map, r, y.Parameter)))
                .Where(p => p.Critical is { } c && double.IsFinite(c))
                .DistinctBy(p => p.Y)
                .OrderBy(p => p.Y)
                .Select(p => (p.Critical!.Value, p.Y))
                .ToList();
            if (points.Count > 0)
            {
                lines.Add(new OverlayLine(label, points));
            }
        }

        return lines;
    }

    private static string BoundaryLabel(RefinementPlan refinement) =>
        $"{SymbolLabels.Metric(refinement.Settings.Metric)} = {refinement.Settings.Level.ToString("G6", CultureInfo.InvariantCulture)} (refined, ± SEM within its cell pair)";

    /// <summary>
    /// A boundary point's coordinate along an axis: the crossing on a refined axis, with the segment it lies in; the slice
    /// value (exact) otherwise.
    /// </summary>
    internal static (double Value, double Sem, (double, double)? Range) Coordinate(BoundaryPoint point, string parameter) =>
        point.Coordinates.FirstOrDefault(c => c.Axis == parameter) is { } coordinate
            ? (coordinate.Value, coordinate.Sem, (coordinate.Lower, coordinate.Upper))
            : (SliceValue(point, parameter) ?? double.NaN, 0, null);

    private static double? SliceValue(BoundaryPoint point, string parameter) => point.Slice.TryGetValue(parameter, out var value) ? value : null;

    /// <summary>A row's value on a grid axis, from the map's own axis column.</summary>
    internal static double RowValue(PhaseMap map, int row, string parameter) =>
        map.Find(ColumnNames.ToSnakeCase(parameter))?.NumberAt(row) ?? double.NaN;
}
