using Plotly.NET;

namespace OrleansSweep.Reports.Interactive;

/// <summary>
/// Builds one plotly figure per metric with Plotly.NET and returns it as figure JSON (<c>{"data","layout"}</c>):
/// a heat map for two-axis sweeps, a line chart with SEM error bars for one-axis sweeps.
/// </summary>
/// <remarks>
/// Heat maps: signed metrics on a blue–white–red scale centred at 0 (blue below, as in the SVG maps), others on
/// viridis; the measured λ_max = 0 contour, the theory lines of the SVG maps, and failed cells marked ×. Lines: the
/// measurement with ±SEM bars and the theory curve dashed beside it; failed cells marked × on the lower edge. Every
/// hover box shows the axis values, the metric ± SEM, the theory value, the status and the cell id.
/// </remarks>
internal static partial class PlotlyFigures
{
    private const string FailedColor = "#000000";

    /// <summary>
    /// ColorBrewer RdBu, blue below 0 (stable) through white to red above (chaotic), as in the SVG maps; plotly's own
    /// "RdBu" has a grey middle that reads as a value rather than as zero.
    /// </summary>
    private static readonly object[][] Diverging =
    [
        [0.0, "#053061"], [0.125, "#2166ac"], [0.25, "#4393c3"], [0.375, "#92c5de"], [0.5, "#f7f7f7"],
        [0.625, "#f4a582"], [0.75, "#d6604d"], [0.875, "#b2182b"], [1.0, "#67001f"],
    ];

    public static string HeatMap(SweepReportData data, ReportMetric metric)
    {
        var (x, y) = (data.Axes[0], data.Axes[1]);
        var z = Grid(data, metric.Values);
        var text = new string?[y.Values.Count][];
        for (var iy = 0; iy < text.Length; iy++)
        {
            text[iy] = new string?[x.Values.Count];
        }

        foreach (var (cell, i) in Placed(data))
        {
            text[IndexOf(y, cell.Coordinates![1])][IndexOf(x, cell.Coordinates[0])] = Hover(data, metric, i);
        }

        var heat = Trace("heatmap", new()
        {
            ["x"] = x.Values,
            ["y"] = y.Values,
            ["z"] = z,
            ["text"] = text,
            ["hoverinfo"] = "text",
            ["name"] = metric.Column,
            ["colorscale"] = metric.Signed ? Diverging : "Viridis",
            ["colorbar"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = PlotlyText.Label(metric.Label) } },
        });
        if (metric.Signed)
        {
            heat.SetProperty("zmid", 0.0);
        }

        var traces = new List<Trace> { heat };
        if (data.ZeroContour is { } zero && HasBothSigns(zero.Values))
        {
            traces.Add(Trace("contour", new()
            {
                ["x"] = x.Values,
                ["y"] = y.Values,
                ["z"] = Grid(data, zero.Values),
                ["contours"] = new Dictionary<string, object> { ["start"] = 0.0, ["end"] = 0.0, ["size"] = 1.0, ["coloring"] = "lines" },
                ["colorscale"] = new object[] { new object[] { 0, "#000000" }, new object[] { 1, "#000000" } },
                ["line"] = new Dictionary<string, object> { ["width"] = 2.5 },
                ["showscale"] = false,
                ["hoverinfo"] = "skip",
                ["name"] = PlotlyText.Label(zero.Label.Replace(" (measured)", "", StringComparison.Ordinal)) + " = 0 (measured)",
                ["showlegend"] = true,
            }));
        }

        traces.AddRange(TheoryLineTraces(data));

        var failed = Placed(data).Where(p => p.Cell.Status == "failed").ToList();
        if (failed.Count > 0)
        {
            traces.Add(Failed(failed.Select(p => p.Cell.Coordinates![0]), failed.Select(p => (double?)p.Cell.Coordinates![1]), failed.Select(p => Hover(data, metric, p.Index))));
        }

        return Figure(traces, Layout(data, metric, x, y, PlotlyText.Label(y.Label)));
    }

    public static string Lines(SweepReportData data, ReportMetric metric)
    {
        var x = data.Axes[0];
        var placed = Placed(data).OrderBy(p => p.Cell.Coordinates![0]).ToList();
        var xs = placed.Select(p => p.Cell.Coordinates![0]).ToArray();
        var hover = placed.Select(p => Hover(data, metric, p.Index)).ToArray();
        var measured = Trace("scatter", new()
        {
            ["x"] = xs,
            ["y"] = placed.Select(p => PlotlyText.Finite(metric.Values[p.Index])).ToArray(),
            ["mode"] = "lines+markers",
            ["name"] = metric.Column.StartsWith("theory_", StringComparison.Ordinal) ? "theory" : "measured",
            ["text"] = hover,
            ["hoverinfo"] = "text",
            ["line"] = new Dictionary<string, object> { ["color"] = "#1f4e9c" },
        });
        if (metric.Sem is { } sem)
        {
            measured.SetProperty("error_y", new Dictionary<string, object>
            {
                ["type"] = "data",
                ["array"] = placed.Select(p => PlotlyText.Finite(sem[p.Index]) ?? 0.0).ToArray(),
                ["visible"] = true,
            });
        }

        var traces = new List<Trace> { measured };
        if (metric.Theory is { } theory)
        {
            traces.Add(Trace("scatter", new()
            {
                ["x"] = xs,
                ["y"] = placed.Select(p => PlotlyText.Finite(theory[p.Index])).ToArray(),
                ["mode"] = "lines",
                ["name"] = "theory",
                ["text"] = hover,
                ["hoverinfo"] = "text",
                ["line"] = new Dictionary<string, object> { ["dash"] = "dash", ["color"] = "#b2182b" },
            }));
        }

        if (data.Refinement is { Boundary.Count: > 0 } refinement)
        {
            traces.Add(Crossings(refinement, metric));
        }

        var failed = placed.Where(p => p.Cell.Status == "failed").ToList();
        if (failed.Count > 0)
        {
            // Failed cells have no value: mark them on the lower edge of the data so they stay in view.
            var finite = metric.Values.Select(PlotlyText.Finite).OfType<double>().ToList();
            var floor = finite.Count == 0 ? 0.0 : finite.Min();
            traces.Add(Failed(failed.Select(p => p.Cell.Coordinates![0]), failed.Select(_ => (double?)floor), failed.Select(p => Hover(data, metric, p.Index))));
        }

        return Figure(traces, Layout(data, metric, x, null, PlotlyText.Label(metric.Label)));
    }

    private static Trace Failed(IEnumerable<double> xs, IEnumerable<double?> ys, IEnumerable<string> hover) => Trace("scatter", new()
    {
        ["x"] = xs.ToArray(),
        ["y"] = ys.ToArray(),
        ["mode"] = "markers",
        ["name"] = "failed cell",
        ["marker"] = new Dictionary<string, object> { ["symbol"] = "x", ["size"] = 11, ["color"] = FailedColor },
        ["text"] = hover.ToArray(),
        ["hoverinfo"] = "text",
    });

    /// <summary>The theory lines drawn over a map (critical values, analytic lines), one trace each.</summary>
    private static IEnumerable<Trace> TheoryLineTraces(SweepReportData data) =>
        data.TheoryLines.Select(line => Trace("scatter", new()
        {
            ["x"] = line.Points.Select(p => PlotlyText.Finite(p.X)).ToArray(),
            ["y"] = line.Points.Select(p => PlotlyText.Finite(p.Y)).ToArray(),
            ["mode"] = "lines",
            ["line"] = new Dictionary<string, object> { ["dash"] = line.Dashed ? "dash" : "solid", ["width"] = 2, ["color"] = "#444444" },
            ["name"] = PlotlyText.Label(line.Label),
            ["hoverinfo"] = "name",
        }));

    private static Trace Trace(string type, Dictionary<string, object?> properties)
    {
        var trace = Trace2D.initScatter(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace2D, Trace2D>(t => t));
        trace.SetProperty("type", type);
        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                trace.SetProperty(key, value);
            }
        }

        return trace;
    }

    private static Layout Layout(SweepReportData data, ReportMetric metric, Axis x, Axis? y, string yTitle)
    {
        var layout = new Layout();
        var title = PlotlyText.Label(metric.Label) + (data.Slice is null ? "" : "<br><span style=\"font-size:12px\">" + PlotlyText.Plain(data.Slice) + "</span>");
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        layout.SetProperty("xaxis", AxisLayout(x, PlotlyText.Label(x.Label)));
        layout.SetProperty("yaxis", y is null ? new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = yTitle }, ["zeroline"] = true } : AxisLayout(y, yTitle));
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 });
        layout.SetProperty("height", 520);
        layout.SetProperty("margin", new Dictionary<string, object> { ["t"] = 70, ["r"] = 30 });
        return layout;
    }

    private static Dictionary<string, object> AxisLayout(Axis axis, string title) => new()
    {
        ["title"] = new Dictionary<string, object> { ["text"] = title },
        ["type"] = axis.Logarithmic ? "log" : "linear",
    };

    private static string Figure(List<Trace> traces, Layout layout)
    {
        // Plotly.NET.CSharp combines the single-trace charts; Plotly.NET serialises the figure.
        var chart = Plotly.NET.CSharp.Chart.Combine(traces.Select(t => GenericChart.ofTraceObject(false, t)));
        return GenericChart.toFigureJson(GenericChart.setLayout(layout, chart));
    }

    private static string Hover(SweepReportData data, ReportMetric metric, int i)
    {
        var cell = data.Cells[i];
        var lines = new List<string>();
        for (var a = 0; a < data.Axes.Count && cell.Coordinates is not null; a++)
        {
            lines.Add($"{PlotlyText.Label(data.Axes[a].Label)} = {PlotlyText.Number(cell.Coordinates[a])}");
        }

        var sem = metric.Sem?[i] is { } s ? " ± " + PlotlyText.Number(s) : "";
        lines.Add($"<b>{PlotlyText.Label(metric.Label)}</b> = {PlotlyText.Number(metric.Values[i])}{sem}");
        if (metric.Theory is { } theory)
        {
            lines.Add($"theory = {PlotlyText.Number(theory[i])}");
        }

        lines.Add($"status: {PlotlyText.Plain(cell.Status)}");
        if (cell.Error is { } error)
        {
            lines.Add($"error: {PlotlyText.Plain(error.Length > 160 ? error[..160] + "…" : error)}");
        }

        lines.Add($"cell: {PlotlyText.Plain(cell.Id)}");
        return string.Join("<br>", lines);
    }

    private static IEnumerable<(ReportCell Cell, int Index)> Placed(SweepReportData data) =>
        data.Cells.Select((cell, i) => (cell, i)).Where(p => p.cell.Coordinates is not null);

    private static double?[][] Grid(SweepReportData data, IReadOnlyList<double?> values)
    {
        var (x, y) = (data.Axes[0], data.Axes[1]);
        var z = new double?[y.Values.Count][];
        for (var iy = 0; iy < z.Length; iy++)
        {
            z[iy] = new double?[x.Values.Count];
        }

        foreach (var (cell, i) in Placed(data))
        {
            z[IndexOf(y, cell.Coordinates![1])][IndexOf(x, cell.Coordinates[0])] = PlotlyText.Finite(values[i]);
        }

        return z;
    }

    private static bool HasBothSigns(IReadOnlyList<double?> values) =>
        values.Any(v => v is { } d && double.IsFinite(d) && d < 0) && values.Any(v => v is { } d && double.IsFinite(d) && d > 0);

    private static int IndexOf(Axis axis, double value)
    {
        for (var i = 0; i < axis.Values.Count; i++)
        {
            if (axis.Values[i] == value)
            {
                return i;
            }
        }

        throw new ArgumentException($"{value} is not a point of axis {axis.Name}.", nameof(value));
    }
}
