using System.Text;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.Interactive;

/// <summary>
/// The sweep's <c>report.html</c>: one self-contained page that opens offline, with plotly.js (from the Plotly.NET
/// package) inlined once and one interactive chart per metric.
/// </summary>
/// <remarks>
/// Two plotted axes give heat maps, one gives line charts with SEM error bars and the theory curve, and a sweep of a
/// single cell (or with nothing to plot) gives a table instead of a chart. Failed cells are marked in every chart and
/// listed with their errors in a table. The page declares UTF-8 before any script (Chromium would otherwise read it
/// as windows-1252), loads nothing from the network, and records script errors in <c>data-errors</c> on
/// <c>&lt;body&gt;</c> and the number of charts drawn in <c>data-charts-drawn</c>, which the browser test reads.
/// Column and file names are shown as plain text; only labels get sub/superscript markup.
/// </remarks>
public static class InteractiveReport
{
    /// <summary>Renders the report; output is a pure function of <paramref name="data"/> (no timestamp).</summary>
    public static string Render(SweepReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sb = new StringBuilder(4 << 20);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        XmlText.Append(sb, data.Title);
        sb.Append("</title>\n<style>\n").Append(InteractiveStyle.Css).Append("\n</style>\n")
            .Append("<script>\n").Append(ErrorRecorder).Append("\n</script>\n")
            .Append("<script>\n/* plotly.js ").Append(PlotlyScript.Version).Append(", MIT licence, from the Plotly.NET package */\n")
            .Append(PlotlyScript.Source).Append("\n</script>\n</head>\n<body>\n<header>\n<h1>");
        XmlText.Append(sb, data.Title);
        sb.Append("</h1>\n");
        AppendSummary(sb, data.Summary);
        sb.Append("</header>\n");

        var plotted = data.Axes.Count is 1 or 2 && data.Cells.Count(c => c.Coordinates is not null) > 1;
        var charts = 0;
        if (!plotted)
        {
            AppendCellTable(sb, data);
        }
        else
        {
            if (data.Slice is { } slice)
            {
                sb.Append("<p class=\"slice\">");
                XmlText.Append(sb, slice);
                sb.Append("</p>\n");
            }

            foreach (var metric in data.Metrics)
            {
                var figure = data.Axes.Count == 2
                    ? data.Refinement is null ? PlotlyFigures.HeatMap(data, metric) : PlotlyFigures.RefinedMap(data, metric)
                    : PlotlyFigures.Lines(data, metric);
                AppendChart(sb, metric, figure, ++charts);
            }
        }

        AppendFailures(sb, data);
        AppendStaticFigures(sb, data.StaticFigures);
        sb.Append("<script>\n").Append(Finisher(charts)).Append("\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Runs before plotly.js: collects uncaught errors so a test (or a curious reader) can see them.</summary>
    private const string ErrorRecorder = """
        window.reportErrors = [];
        window.addEventListener('error', function (e) { window.reportErrors.push(String(e.message)); });
        window.addEventListener('unhandledrejection', function (e) { window.reportErrors.push(String(e.reason)); });
        """;

    /// <summary>After every chart settled: how many were drawn, how many hover texts they carry, and any errors.</summary>
    private static string Finisher(int charts) => $$"""
        Promise.allSettled(window.reportCharts || []).then(function (results) {
          results.filter(function (r) { return r.status === 'rejected'; }).forEach(function (r) { window.reportErrors.push(String(r.reason)); });
          var drawn = 0, hover = 0;
          document.querySelectorAll('.js-plotly-plot').forEach(function (gd) {
            if (gd.querySelectorAll('.main-svg .cartesianlayer .plot *').length > 0) { drawn++; }
            (gd.data || []).forEach(function (trace) {
              [].concat.apply([], trace.text || []).forEach(function (text) { if (text) { hover++; } });
            });
          });
          document.body.setAttribute('data-charts-expected', '{{charts}}');
          document.body.setAttribute('data-charts-drawn', String(drawn));
          document.body.setAttribute('data-hover-texts', String(hover));
          document.body.setAttribute('data-errors', JSON.stringify(window.reportErrors));
        });
        """;

    private static void AppendChart(StringBuilder sb, ReportMetric metric, string figureJson, int number)
    {
        var id = $"chart-{number}";
        sb.Append("<section class=\"chart\">\n<h2>").Append(PlotlyText.Label(metric.Label)).Append(" <code>");
        XmlText.Append(sb, metric.Column);
        sb.Append("</code></h2>\n<div class=\"plot\" id=\"").Append(id).Append("\" data-column=\"");
        XmlText.Append(sb, metric.Column);
        sb.Append("\"></div>\n<script>\n(window.reportCharts = window.reportCharts || []).push(Promise.resolve().then(function () {\n  var figure = ")
            // JSON is valid JavaScript; "</" is escaped so no string in it can close the script element.
            .Append(figureJson.Replace("</", "<\\/", StringComparison.Ordinal))
            .Append(";\n  return Plotly.newPlot('").Append(id).Append("', figure.data, figure.layout, { responsive: true, displaylogo: false });\n}));\n</script>\n</section>\n");
    }

    private static void AppendSummary(StringBuilder sb, IReadOnlyList<(string Key, string Value)> summary)
    {
        if (summary.Count == 0)
        {
            return;
        }

        sb.Append("<table class=\"metadata\">\n<tbody>\n");
        foreach (var (key, value) in summary)
        {
            sb.Append("<tr><th scope=\"row\">");
            XmlText.Append(sb, key);
            sb.Append("</th><td>");
            XmlText.Append(sb, value);
            sb.Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>A sweep with one cell (or no plotted axis): its metrics as a table, value ± SEM beside theory.</summary>
    private static void AppendCellTable(StringBuilder sb, SweepReportData data)
    {
        foreach (var (cell, i) in data.Cells.Select((c, i) => (c, i)))
        {
            sb.Append("<section class=\"cell\">\n<h2>cell <code>");
            XmlText.Append(sb, cell.Id);
            sb.Append("</code></h2>\n<p>");
            XmlText.Append(sb, cell.Parameters);
            sb.Append(" · status ");
            XmlText.Append(sb, cell.Status);
            sb.Append("</p>\n<table class=\"values\">\n<thead><tr><th>metric</th><th>column</th><th>value ± SEM</th><th>theory</th></tr></thead>\n<tbody>\n");
            foreach (var metric in data.Metrics)
            {
                sb.Append("<tr><td>").Append(PlotlyText.Label(metric.Label)).Append("</td><td><code>");
                XmlText.Append(sb, metric.Column);
                sb.Append("</code></td><td>").Append(PlotlyText.Number(metric.Values[i]));
                if (metric.Sem?[i] is { } sem)
                {
                    sb.Append(" ± ").Append(PlotlyText.Number(sem));
                }

                sb.Append("</td><td>").Append(metric.Theory is { } theory ? PlotlyText.Number(theory[i]) : "—").Append("</td></tr>\n");
            }

            sb.Append("</tbody>\n</table>\n</section>\n");
        }
    }

    private static void AppendFailures(StringBuilder sb, SweepReportData data)
    {
        var failed = data.Cells.Where(c => c.Status is "failed" or "missing").ToList();
        if (failed.Count == 0)
        {
            return;
        }

        sb.Append("<section class=\"failures\">\n<h2>Failed cells (").Append(failed.Count).Append(")</h2>\n<table class=\"failures\">\n")
            .Append("<thead><tr><th>cell</th><th>parameters</th><th>status</th><th>error</th></tr></thead>\n<tbody>\n");
        foreach (var cell in failed)
        {
            sb.Append("<tr><td><code>");
            XmlText.Append(sb, cell.Id);
            sb.Append("</code></td><td>");
            XmlText.Append(sb, cell.Parameters);
            sb.Append("</td><td>");
            XmlText.Append(sb, cell.Status);
            sb.Append("</td><td><pre>");
            XmlText.Append(sb, cell.Error ?? "");
            sb.Append("</pre></td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendStaticFigures(StringBuilder sb, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        sb.Append("<footer>\n<p>Static vector figures beside this report: ");
        for (var k = 0; k < files.Count; k++)
        {
            sb.Append(k == 0 ? "" : ", ").Append("<code>");
            XmlText.Append(sb, files[k]);
            sb.Append("</code>");
        }

        sb.Append(".</p>\n</footer>\n");
    }
}
