using Plotly.NET;

namespace OrleansSweep.Reports.Interactive;

/// <summary>Figures of an adaptively refined sweep: its cells lie off any grid, so maps are scatters, and the boundary is drawn.</summary>
internal static partial class PlotlyFigures
{
    /// <summary>
    /// Two axes: every cell of the slice as a marker at its sample point, coloured by the metric (the diverging scale
    /// for signed metrics); the boundary's points with ±SEM bars; theory lines and failed cells as on the grid map.
    /// </summary>
    public static string RefinedMap(SweepReportData data, ReportMetric metric)
    {
        var (x, y) = (data.Axes[0], data.Axes[1]);
        var placed = Placed(data).Where(p => PlotlyText.Finite(metric.Values[p.Index]) is not null).ToList();
        var marker = new Dictionary<string, object>
        {
            ["color"] = placed.Select(p => PlotlyText.Finite(metric.Values[p.Index])).ToArray(),
            ["colorscale"] = metric.Signed ? Diverging : "Viridis",
            ["size"] = 7,
            ["symbol"] = "square",
            ["showscale"] = true,
            ["colorbar"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = PlotlyText.Label(metric.Label) } },
        };
        if (metric.Signed)
        {
            marker["cmid"] = 0.0;
        }

        var traces = new List<Trace>
        {
            Trace("scatter", new()
            {
                ["x"] = placed.Select(p => p.Cell.Coordinates![0]).ToArray(),
                ["y"] = placed.Select(p => p.Cell.Coordinates![1]).ToArray(),
                ["mode"] = "markers",
                ["marker"] = marker,
                ["text"] = placed.Select(p => Hover(data, metric, p.Index)).ToArray(),
                ["hoverinfo"] = "text",
                ["name"] = metric.Column,
                ["showlegend"] = false,
            }),
        };
        traces.AddRange(TheoryLineTraces(data));

        if (data.Refinement is { Boundary.Count: > 0 } refinement)
        {
            traces.Add(Boundary(refinement));
        }

        var failed = Placed(data).Where(p => p.Cell.Status == "failed").ToList();
        if (failed.Count > 0)
        {
            traces.Add(Failed(failed.Select(p => p.Cell.Coordinates![0]), failed.Select(p => (double?)p.Cell.Coordinates![1]), failed.Select(p => Hover(data, metric, p.Index))));
        }

        return Figure(traces, Layout(data, metric, x, y, PlotlyText.Label(y.Label)));
    }

    /// <summary>The boundary's points on a two-axis map, with ±SEM bars along both axes (none where the SEM is not finite).</summary>
    private static Trace Boundary(ReportRefinement refinement)
    {
        var marks = refinement.Boundary;
        return Trace("scatter", new()
        {
            ["x"] = marks.Select(m => PlotlyText.Finite(m.X)).ToArray(),
            ["y"] = marks.Select(m => PlotlyText.Finite(m.Y)).ToArray(),
            ["mode"] = "markers",
            ["name"] = "boundary " + PlotlyText.Label(refinement.Label) + " ± SEM within its cell pair",
            ["marker"] = new Dictionary<string, object>
            {
                ["size"] = 6,
                ["color"] = marks.Select(m => m.Significant ? "#000000" : "#ffffff").ToArray(),
                ["line"] = new Dictionary<string, object> { ["color"] = "#000000", ["width"] = 1 },
            },
            ["error_x"] = Bars(marks.Select(m => (m.X, m.XSem, m.XBar))),
            ["error_y"] = Bars(marks.Select(m => (m.Y, m.YSem, m.YBar))),
            ["text"] = marks.Select(m => $"boundary: {PlotlyText.Number(m.X)} ± {PlotlyText.Number(m.XSem)}, {PlotlyText.Number(m.Y)} ± {PlotlyText.Number(m.YSem)}{(m.Significant ? "" : " (not significant)")}").ToArray(),
            ["hoverinfo"] = "text",
        });
    }

    /// <summary>One axis: the crossings at the refined metric's level with ±SEM bars along x (on that metric's chart; elsewhere at the data's floor).</summary>
    private static Trace Crossings(ReportRefinement refinement, ReportMetric metric)
    {
        var finite = metric.Values.Select(PlotlyText.Finite).OfType<double>().ToList();
        var height = metric.Column == refinement.Metric || finite.Count == 0 ? refinement.Level : finite.Min();
        var marks = refinement.Boundary;
        return Trace("scatter", new()
        {
            ["x"] = marks.Select(m => PlotlyText.Finite(m.X)).ToArray(),
            ["y"] = marks.Select(_ => height).ToArray(),
            ["mode"] = "markers",
            ["name"] = "boundary " + PlotlyText.Label(refinement.Label) + " ± SEM within its cell pair",
            ["marker"] = new Dictionary<string, object> { ["symbol"] = "diamond", ["size"] = 9, ["color"] = "#000000" },
            ["error_x"] = Bars(marks.Select(m => (m.X, m.XSem, m.XBar))),
            ["text"] = marks.Select(m => $"boundary: {PlotlyText.Number(m.X)} ± {PlotlyText.Number(m.XSem)}{(m.Significant ? "" : " (not significant)")}").ToArray(),
            ["hoverinfo"] = "text",
        });
    }

    /// <summary>Asymmetric bars: ± the SEM within the mark's range (see <see cref="BoundaryMark.XRange"/>); none for a non-finite SEM.</summary>
    private static Dictionary<string, object> Bars(IEnumerable<(double Value, double Sem, (double Low, double High) Bar)> marks)
    {
        var list = marks.ToList();
        return new()
        {
            ["type"] = "data",
            ["symmetric"] = false,
            ["array"] = list.Select(m => double.IsFinite(m.Sem) ? m.Bar.High - m.Value : 0.0).ToArray(),
            ["arrayminus"] = list.Select(m => double.IsFinite(m.Sem) ? m.Value - m.Bar.Low : 0.0).ToArray(),
            ["visible"] = true,
            ["color"] = "#000000",
            ["thickness"] = 1,
            ["width"] = 0,
        };
    }
}
