using System.Globalization;
using OrleansSweep.Reports;
using OrleansSweep.Reports.Text;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Static SVGs of phase-map metrics: heat maps over two grid axes (edge of chaos and theory lines overlaid), line plots over one.</summary>
/// <remarks>
/// With more than two axes the map is the slice at the first point of every other axis (stated in the subtitle). A
/// refined sweep's map (one with a <c>depth</c> column) is drawn on its own cells: see PhaseMapPlots.Refined.cs.
/// </remarks>
public static partial class PhaseMapPlots
{
    /// <summary>Metrics drawn by default, in order; those without any value are skipped.</summary>
    public static IReadOnlyList<string> DefaultMetrics { get; } =
    [
        "lyapunov_max", "theory_lyapunov_max", "kaplan_yorke_dimension", "spectral_abscissa", "spectral_radius",
        "slow_mode_fraction", "fixed_points", "fixed_points_stable", "mean_square_activity", "bistable", "theory_chi_1", "theory_chi", "theory_xi",
    ];

    /// <summary>Metrics whose zero level is a phase boundary (edge of chaos, loss of stability).</summary>
    internal static readonly HashSet<string> ZeroContourMetrics = new(StringComparer.Ordinal) { "lyapunov_max", "theory_lyapunov_max", "spectral_abscissa" };

    /// <summary>Theory columns that give a critical value of one parameter; drawn when that parameter is the x axis.</summary>
    internal static readonly (string Column, string Parameter, string Label)[] CriticalValues =
    [
        ("theory_zero_fp_line", "gH", "zero FP unstable (g_h σ(b_r) = 1)"),
        ("theory_g_fp", "gH", "g_FP: fixed points appear (static MF)"),
        ("theory_g_c", "gH", "g_c: chaos onset (DMFT)"),
        ("theory_critical_sigma_w2", "sigmaW2", "χ = 1 (mean field)"),
    ];

    /// <summary>
    /// An SVG of <paramref name="metric"/>: a heat map over two axes, a line plot (with SEM and theory) when the sweep
    /// has one axis; null when the column is missing, has no finite value in the slice, or the slice is a single cell.
    /// A refined sweep draws its leaf cells at their extents with the phase boundary over them (<paramref name="boundary"/>,
    /// or when null the boundary of the map's own rows).
    /// </summary>
    public static string? Render(
        PhaseMap map, SweepPlan plan, string metric, string? xParameter = null, string? yParameter = null, IReadOnlyList<BoundaryPoint>? boundary = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(plan);
        if (map.Find(metric) is not { } column || plan.Axes.Count == 0)
        {
            return null;
        }

        if (plan.Refinement is { } refinement && map.Find(RefinementColumns.Depth) is not null)
        {
            return RenderRefined(map, plan, refinement, column, metric, xParameter, yParameter, boundary);
        }

        var x = plan.Axes.FirstOrDefault(a => a.Parameter == xParameter) ?? plan.Axes[0];
        var y = plan.Axes.FirstOrDefault(a => a.Parameter == yParameter && a != x) ?? plan.Axes.FirstOrDefault(a => a != x);
        var others = plan.Axes.Where(a => a != x && a != y).ToList();
        var rows = Enumerable.Range(0, map.Rows).Where(r => others.All(o => AxisValue(plan.Cells[r], o.Parameter) == o.Values[0])).ToList();
        if (rows.Count <= 1 || !rows.Any(r => column.NumberAt(r) is { } v && double.IsFinite(v)))
        {
            // Nothing to draw, or one cell: a full-size 1×1 picture says less than the report's table.
            return null;
        }

        var slice = others.Count == 0 ? null : "slice at " + string.Join(", ", others.Select(o => $"{SymbolLabels.Parameter(o.Parameter)} = {o.Values[0].ToString("G4", CultureInfo.InvariantCulture)}"));
        var options = new HeatMapOptions(
            $"{LabelMarkup.Literal(plan.Name)}: {SymbolLabels.Metric(metric)}",
            Subtitle: string.Join(" · ", new[] { $"model {LabelMarkup.Literal(plan.Model)}", slice }.OfType<string>()),
            DrawZeroContour: ZeroContourMetrics.Contains(metric),
            Overlays: y is null ? [] : Overlays(map, plan, x, y, others));
        return y is null ? LinePlot(map, plan, metric, x, rows, options) : HeatMap(map, plan, column, metric, x, y, rows, options);
    }

    private static string HeatMap(PhaseMap map, SweepPlan plan, PhaseMapColumn column, string metric, PlanAxis x, PlanAxis y, List<int> rows, HeatMapOptions options)
    {
        var values = new double?[x.Values.Count, y.Values.Count];
        foreach (var row in rows)
        {
            var cell = plan.Cells[row];
            values[IndexOf(x, AxisValue(cell, x.Parameter)), IndexOf(y, AxisValue(cell, y.Parameter))] = column.NumberAt(row) is { } v && double.IsFinite(v) ? v : null;
        }

        return HeatMapSvg.Render(new HeatMapData(AxisOf(x), AxisOf(y), metric, SymbolLabels.Metric(metric), values), options);
    }

    /// <summary>A one-axis sweep: the metric along the axis with ±SEM bars, its theory column dashed, failed cells marked.</summary>
    private static string LinePlot(PhaseMap map, SweepPlan plan, string metric, PlanAxis x, List<int> rows, HeatMapOptions options)
    {
        var ordered = rows.OrderBy(r => IndexOf(x, AxisValue(plan.Cells[r], x.Parameter))).ToList();
        List<double?>? Series(string name) => map.Find(name) is { } c ? ordered.Select(c.NumberAt).ToList() : null;
        var status = map.Find("status");
        var axis = AxisOf(x) with { Values = ordered.Select(r => AxisValue(plan.Cells[r], x.Parameter)).ToList() };
        var data = new LinePlotData(
            axis,
            SymbolLabels.Metric(metric),
            Series(metric)!,
            Series(metric + "_sem"),
            metric.StartsWith("theory_", StringComparison.Ordinal) ? null : Series("theory_" + metric),
            status is null ? null : ordered.Select(r => (string?)status.Values.GetValue(r) == "failed").ToList());
        return LinePlotSvg.Render(data, options);
    }

    internal static List<OverlayLine> Overlays(PhaseMap map, SweepPlan plan, PlanAxis x, PlanAxis y, List<PlanAxis> others)
    {
        var lines = new List<OverlayLine>();
        foreach (var (columnName, parameter, label) in CriticalValues)
        {
            if (x.Parameter != parameter || map.Find(columnName) is not { } column)
            {
                continue;
            }

            // One critical x per row of y (the theory value does not depend on x itself).
            var points = new List<(double X, double Y)>();
            foreach (var yValue in y.Values)
            {
                // Grid rows only: a refined map's rows beyond the coarse cells are not in plan.Cells.
                var row = Enumerable.Range(0, Math.Min(map.Rows, plan.Cells.Count)).FirstOrDefault(
                    r => AxisValue(plan.Cells[r], y.Parameter) == yValue && others.All(o => AxisValue(plan.Cells[r], o.Parameter) == o.Values[0]), -1);
                if (row >= 0 && column.NumberAt(row) is { } critical && double.IsFinite(critical))
                {
                    points.Add((critical, yValue));
                }
            }

            if (points.Count > 0)
            {
                lines.Add(new OverlayLine(label, points));
            }
        }

        return lines;
    }

    internal static double AxisValue(PlannedCell cell, string parameter) => parameter == "n" ? cell.N : cell.AxisValues[parameter];

    private static int IndexOf(PlanAxis axis, double value)
    {
        for (var i = 0; i < axis.Values.Count; i++)
        {
            if (axis.Values[i] == value)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{value} is not a point of axis {axis.Parameter}.");
    }

    internal static Axis AxisOf(PlanAxis axis) =>
        new(axis.Parameter, SymbolLabels.Parameter(axis.Parameter), null, axis.Values, axis.Logarithmic);
}
