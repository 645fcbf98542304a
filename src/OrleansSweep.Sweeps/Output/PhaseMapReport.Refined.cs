using System.Globalization;
using OrleansSweep.Reports;
using OrleansSweep.Reports.Interactive;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Output;

/// <summary>
/// The report of a refined sweep: one report cell per phase-map row (every level), placed at its sample point by the
/// map's own axis columns, the refined axes plotted first, and the boundary of the slice.
/// </summary>
public static partial class PhaseMapReport
{
    private static SweepReportData BuildRefined(
        SweepPlan plan, RefinementPlan refinement, PhaseMap map, IReadOnlyList<(string Key, string Value)> summary, IReadOnlyList<string> staticFigures,
        IReadOnlyList<BoundaryPoint>? boundary)
    {
        var plotted = plan.Axes.OrderBy(a => refinement.Axes.Contains(a.Parameter) ? 0 : 1).Take(2).ToList();
        var others = plan.Axes.Where(a => !plotted.Contains(a)).ToList();
        var status = map.Find("status");
        var error = map.Find("error");
        var ids = map.Find("cell_id");
        var cells = Enumerable.Range(0, map.Rows).Select(row => new ReportCell(
            (string?)ids?.Values.GetValue(row) ?? "",
            (string?)status?.Values.GetValue(row) ?? "missing",
            (string?)error?.Values.GetValue(row),
            others.All(o => PhaseMapPlots.RowValue(map, row, o.Parameter) == o.Values[0]) ? plotted.Select(a => PhaseMapPlots.RowValue(map, row, a.Parameter)).ToList() : null,
            string.Join(", ", plan.Axes.Select(a => $"{a.Parameter} = {PhaseMapPlots.RowValue(map, row, a.Parameter).ToString("G6", CultureInfo.InvariantCulture)}"))))
            .ToList();

        boundary ??= refinement.Boundary(RefinementOutputs.Samples(refinement, map) ?? []);
        double? SliceValue(BoundaryPoint p, string axis) => p.Slice.TryGetValue(axis, out var v) ? v : null;
        var marks = boundary
            .Where(p => others.All(o => SliceValue(p, o.Parameter) is not { } v || v == o.Values[0]))
            .Select(p =>
            {
                var x = PhaseMapPlots.Coordinate(p, plotted[0].Parameter);
                var y = plotted.Count > 1 ? PhaseMapPlots.Coordinate(p, plotted[1].Parameter) : (refinement.Settings.Level, 0, null);
                return new BoundaryMark(x.Value, y.Value, x.Sem, y.Sem, p.Significant, x.Range, y.Range);
            })
            .ToList();

        var metrics = PhaseMapPlots.DefaultMetrics.Select(m => Metric(map, m)).OfType<ReportMetric>().ToList();
        var slice = others.Count == 0 ? null : "slice at " + string.Join(", ", others.Select(o => $"{o.Parameter} = {o.Values[0].ToString("G4", CultureInfo.InvariantCulture)}"));
        var rows = Enumerable.Range(0, map.Rows).Where(r => cells[r].Coordinates is not null).ToList();
        var lines = plotted.Count == 2 ? PhaseMapPlots.RefinedOverlays(map, plotted[0], plotted[1], rows) : [];
        return new SweepReportData(
            $"OrleansSweep — {plan.Name}",
            summary,
            plotted.Select(PhaseMapPlots.AxisOf).ToList(),
            slice,
            cells,
            metrics,
            lines,
            Metric(map, "lyapunov_max"),
            staticFigures)
        {
            Refinement = new ReportRefinement(
                $"{SymbolLabels.Metric(refinement.Settings.Metric)} = {refinement.Settings.Level.ToString("G6", CultureInfo.InvariantCulture)}",
                refinement.Settings.Metric,
                refinement.Settings.Level,
                marks),
        };
    }
}
