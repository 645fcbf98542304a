using System.Globalization;
using OrleansSweep.Reports;
using OrleansSweep.Reports.Interactive;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Turns a phase map into the data of the interactive report (plotted axes, cells, metrics, theory lines).</summary>
/// <remarks>
/// The axes and the slice are those of the SVG figures (<see cref="PhaseMapPlots"/>): the first two grid axes, any
/// further axis held at its first value. A metric's SEM and theory are its <c>_sem</c> and <c>theory_</c> columns
/// when the phase map has them, so columns added later flow through without changes here.
/// </remarks>
public static partial class PhaseMapReport
{
    /// <param name="plan">The sweep.</param>
    /// <param name="map">Its phase map.</param>
    /// <param name="summary">Header rows.</param>
    /// <param name="staticFigures">SVG files beside the report.</param>
    /// <param name="boundary">A refined sweep's boundary; when null it is computed from the map's rows.</param>
    public static SweepReportData Build(
        SweepPlan plan, PhaseMap map, IReadOnlyList<(string Key, string Value)> summary, IReadOnlyList<string> staticFigures,
        IReadOnlyList<BoundaryPoint>? boundary = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(map);
        if (plan.Refinement is { } refinement && map.Find(RefinementColumns.Depth) is not null)
        {
            return BuildRefined(plan, refinement, map, summary, staticFigures, boundary);
        }

        var plotted = plan.Axes.Take(2).ToList();
        var others = plan.Axes.Skip(2).ToList();
        var status = map.Find("status");
        var error = map.Find("error");
        var cells = plan.Cells.Select((cell, row) => new ReportCell(
            cell.Command.CellId,
            (string?)status?.Values.GetValue(row) ?? "missing",
            (string?)error?.Values.GetValue(row),
            others.All(o => PhaseMapPlots.AxisValue(cell, o.Parameter) == o.Values[0]) ? plotted.Select(a => PhaseMapPlots.AxisValue(cell, a.Parameter)).ToList() : null,
            string.Join(", ", plan.Axes.Select(a => $"{a.Parameter} = {PhaseMapPlots.AxisValue(cell, a.Parameter).ToString("G6", CultureInfo.InvariantCulture)}"))))
            .ToList();

        var metrics = PhaseMapPlots.DefaultMetrics.Select(m => Metric(map, m)).OfType<ReportMetric>().ToList();
        var slice = others.Count == 0 ? null : "slice at " + string.Join(", ", others.Select(o => $"{o.Parameter} = {o.Values[0].ToString("G4", CultureInfo.InvariantCulture)}"));
        var lines = plotted.Count == 2 ? PhaseMapPlots.Overlays(map, plan, plotted[0], plotted[1], others) : [];
        return new SweepReportData(
            $"OrleansSweep — {plan.Name}",
            summary,
            plotted.Select(PhaseMapPlots.AxisOf).ToList(),
            slice,
            cells,
            metrics,
            lines,
            Metric(map, "lyapunov_max"),
            staticFigures);
    }

    private static ReportMetric? Metric(PhaseMap map, string column)
    {
        if (map.Find(column) is not { } values || !Enumerable.Range(0, map.Rows).Any(r => values.NumberAt(r) is { } v && double.IsFinite(v)))
        {
            return null;
        }

        IReadOnlyList<double?>? Column(string name) => map.Find(name) is { } c ? Enumerable.Range(0, map.Rows).Select(c.NumberAt).ToList() : null;
        var numbers = Column(column)!;
        var theory = column.StartsWith("theory_", StringComparison.Ordinal) ? null : Column("theory_" + column);
        var signed = PhaseMapPlots.ZeroContourMetrics.Contains(column) || numbers.Any(v => v < 0);
        return new ReportMetric(column, SymbolLabels.Metric(column), numbers, Column(column + "_sem"), theory, signed);
    }
}
