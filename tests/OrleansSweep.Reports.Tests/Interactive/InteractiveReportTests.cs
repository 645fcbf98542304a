using System.Text.RegularExpressions;
using OrleansSweep.Reports.Interactive;

namespace OrleansSweep.Reports.Tests.Interactive;

public sealed class InteractiveReportTests
{
    [Fact]
    public void Plotly_js_is_inlined_once_after_the_charset_and_nothing_is_loaded_from_elsewhere()
    {
        var html = InteractiveReport.Render(SampleReports.TwoAxes());

        var charset = html.IndexOf("<meta charset=\"utf-8\">", StringComparison.Ordinal);
        Assert.InRange(charset, 0, html.IndexOf("<script", StringComparison.Ordinal));
        Assert.Single(Regex.Matches(html, "/\\* plotly\\.js [0-9.]+, MIT licence"));
        Assert.Equal(PlotlyScript.Source.Length, html.Length - html.Replace(PlotlyScript.Source, "", StringComparison.Ordinal).Length);
        Assert.DoesNotMatch("<(?:script|link|img|iframe)[^>]*(?:src|href)\\s*=", html);
    }

    [Fact]
    public void Two_axes_give_one_heat_map_per_metric_with_a_diverging_scale_at_zero_for_signed_metrics()
    {
        var data = SampleReports.TwoAxes();

        var html = InteractiveReport.Render(data);

        var figures = Figures(html);
        Assert.Equal(data.Metrics.Count, figures.Count);
        var lambda = figures[0];
        Assert.Contains("\"type\":\"heatmap\"", lambda, StringComparison.Ordinal);
        Assert.Contains("\"zmid\":0.0", lambda, StringComparison.Ordinal);
        Assert.Contains("\"colorscale\":[[0.0,\"#053061\"],", lambda, StringComparison.Ordinal);
        Assert.Contains("[0.5,\"#f7f7f7\"]", lambda, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"contour\"", lambda, StringComparison.Ordinal);
        Assert.Contains("g<sub>c</sub>: chaos onset (DMFT)", lambda, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"log\"", lambda, StringComparison.Ordinal);
        Assert.Contains("\"colorscale\":\"Viridis\"", figures[1], StringComparison.Ordinal);
        Assert.DoesNotContain("zmid", figures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_text_names_axis_values_metric_with_sem_theory_status_and_cell()
    {
        var data = SampleReports.TwoAxes();

        var lambda = Figures(InteractiveReport.Render(data))[0];

        // Cell 6: g_h = 0.8, α_r = 4 → λ = ln 0.8 − 0.4, theory ln 0.8 − 4/12.
        var expected = $"g<sub>h</sub> = 0.8<br>α<sub>r</sub> = 4<br><b>λ<sub>max</sub> (measured)</b> = {Math.Log(0.8) - 0.4:G4} ± 0.01<br>theory = {Math.Log(0.8) - (4 / 12.0):G4}<br>status: ok<br>cell: cell06";
        Assert.Contains(expected, lambda, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_cells_are_marked_in_the_charts_and_listed_with_their_errors()
    {
        var html = InteractiveReport.Render(SampleReports.TwoAxes());

        Assert.All(Figures(html), f => Assert.Contains("\"name\":\"failed cell\"", f, StringComparison.Ordinal));
        var table = Regex.Match(html, "<table class=\"failures\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(2, Regex.Matches(table, "<tr><td><code>").Count);
        Assert.Contains("<code>cell05</code>", table, StringComparison.Ordinal);
        Assert.Contains("Lyapunov &lt;loop&gt; diverged: λ = ∞ &amp; more", table, StringComparison.Ordinal);
    }

    [Fact]
    public void One_axis_gives_line_charts_with_sem_error_bars_and_the_theory_curve()
    {
        var data = SampleReports.OneAxis();

        var figure = Figures(InteractiveReport.Render(data)).Single();

        Assert.DoesNotContain("heatmap", figure, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"lines+markers\"", figure, StringComparison.Ordinal);
        Assert.Contains("\"error_y\":{\"type\":\"data\",\"array\":[0.02,", figure, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"theory\"", figure, StringComparison.Ordinal);
        Assert.Contains("\"dash\":\"dash\"", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_cell_sweep_shows_a_table_and_no_chart()
    {
        var html = InteractiveReport.Render(SampleReports.OneCell());

        Assert.Empty(Figures(html));
        Assert.Contains("<td>0.0123 ± 0.0004</td><td>0.0119</td>", html, StringComparison.Ordinal);
        Assert.Contains("<code>theory_xi</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void File_and_column_names_are_shown_as_written()
    {
        var html = InteractiveReport.Render(SampleReports.TwoAxes());

        Assert.Contains("<td>phase_map.parquet</td>", html, StringComparison.Ordinal);
        Assert.Contains("<code>lyapunov_max</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>spectral_radius</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("phase<sub>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_deterministic()
    {
        Assert.Equal(InteractiveReport.Render(SampleReports.TwoAxes()), InteractiveReport.Render(SampleReports.TwoAxes()));
    }

    private static List<string> Figures(string html) =>
        Regex.Matches(html, @"var figure = (\{.*?\});\n  return Plotly\.newPlot", RegexOptions.Singleline).Select(m => Unescape(m.Groups[1].Value)).ToList();

    /// <summary>Figure JSON as plotly gets it: the page escapes "&lt;/" so no string can close the script.</summary>
    private static string Unescape(string json) => json.Replace("<\\/", "</", StringComparison.Ordinal);
}
