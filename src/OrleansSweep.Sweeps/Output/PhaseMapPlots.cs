using OrleansSweep.Reports;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Heat maps of phase-map metrics over two grid axes, with the edge of chaos and theory lines overlaid.</summary>
/// <remarks>With more than two axes the map is the slice at the first point of every other axis (stated in the subtitle).</remarks>
public static class PhaseMapPlots
{
    /// <summary>Metrics drawn by default, in order; those without any value are skipped.</summary>
    public static IReadOnlyList<string> DefaultMetrics { get; } =
    [
        "lyapunov_max", "theory_lyapunov_max", "kaplan_yorke_dimension", "spectral_abscissa", "spectral_radius",
        "slow_mode_fraction", "fixed_points", "fixed_points_stable", "mean_square_activity", "theory_chi_1", "theory_chi", "theory_xi",
    ];

    /// <summary>Metrics whose zero level is a phase boundary (edge of chaos, loss of stability).</summary>
    internal static readonly HashSet<string> ZeroContourMetrics = new(StringComparer.Ordinal) { "lyapunov_max", "theory_lyapunov_max", "spectral_abscissa" };

    /// <summary>Theory columns that give a critical value of one parameter; drawn when that parameter is the x axis.</summary>
    private static readonly (string Column, string Parameter, string Label)[] CriticalValues =
    [
        ("theory_zero_fp_line", "gH", "zero FP unstable (g_h σ(b_r) = 1)"),
        ("theory_g_fp", "gH", "g_FP: fixed points appear (static MF)"),
        ("theory_g_c", "gH", "g_c: chaos onset (DMFT)"),
        ("theory_critical_sigma_w2", "sigmaW2", "χ = 1 (mean field)"),
    ];

    public static string? Render(PhaseMap map, SweepPlan plan, string metric, string? xParameter = null, string? yParameter = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(plan);
        if (map.Find(metric) is not { } column || plan.Axes.Count == 0)
        {
            return null;
        }

        var x = plan.Axes.FirstOrDefault(a => a.Parameter == xParameter) ?? plan.Axes[0];
        // A one-axis sweep is drawn as a single-row strip.
        var y = plan.Axes.FirstOrDefault(a => a.Parameter == yParameter && a != x) ?? plan.Axes.FirstOrDefault(a => a != x);
        var others = plan.Axes.Where(a => a != x && a != y).ToList();
        var values = new double?[x.Values.Count, y?.Values.Count ?? 1];
        for (var row = 0; row < map.Rows; row++)
        {
            var cell = plan.Cells[row];
            if (others.Any(o => AxisValue(cell, o.Parameter) != o.Values[0]))
            {
                continue;
            }

            var ix = IndexOf(x, AxisValue(cell, x.Parameter));
            var iy = y is null ? 0 : IndexOf(y, AxisValue(cell, y.Parameter));
            values[ix, iy] = column.NumberAt(row) is { } v && double.IsFinite(v) ? v : null;
        }

        if (!values.Cast<double?>().Any(v => v.HasValue))
        {
            return null;
        }

        var yAxis = y is null ? new Axis("", "", null, [0.0]) : AxisOf(y);
        var data = new HeatMapData(AxisOf(x), yAxis, metric, SymbolLabels.Metric(metric), values);
        var slice = others.Count == 0 ? null : "slice at " + string.Join(", ", others.Select(o => $"{SymbolLabels.Parameter(o.Parameter)} = {o.Values[0]:G4}"));
        var options = new HeatMapOptions(
            $"{plan.Name}: {SymbolLabels.Metric(metric)}",
            Subtitle: string.Join(" · ", new[] { $"model {plan.Model}", slice }.OfType<string>()),
            DrawZeroContour: ZeroContourMetrics.Contains(metric),
            Overlays: Overlays(map, plan, x, y, others));
        return HeatMapSvg.Render(data, options);
    }

    internal static List<OverlayLine> Overlays(PhaseMap map, SweepPlan plan, PlanAxis x, PlanAxis? y, List<PlanAxis> others)
    {
        var lines = new List<OverlayLine>();
        if (y is null)
        {
            return lines;
        }

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
                var row = Enumerable.Range(0, map.Rows).FirstOrDefault(
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
