using System.Text;
using System.Text.RegularExpressions;
using OrleansSweep.Reports.Interactive;
using OrleansSweep.Reports.Tests.Rendering;

namespace OrleansSweep.Reports.Tests.Interactive;

/// <summary>Opens each kind of report in headless Chromium, offline, and checks what a reader would get.</summary>
public sealed partial class InteractiveReportBrowserTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("interactive-report-").FullName;

    public static TheoryData<string> Kinds => ["two-axes", "one-axis"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_chart_is_drawn_offline_without_errors_and_carries_its_hover_texts(string kind)
    {
        var data = kind == "two-axes" ? SampleReports.TwoAxes() : SampleReports.OneAxis();

        var (dom, log) = Open(data);

        var body = BodyTag().Match(dom);
        Assert.True(body.Success, "the page has no body after load:\n" + Tail(log));
        Assert.Equal("[]", Attribute(body.Value, "data-errors"));
        Assert.Equal(data.Metrics.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(body.Value, "data-charts-expected"));
        Assert.Equal(Attribute(body.Value, "data-charts-expected"), Attribute(body.Value, "data-charts-drawn"));
        Assert.Equal(SampleReports.ExpectedHoverTexts(data).ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(body.Value, "data-hover-texts"));
        // Each chart div holds plotly's SVG with drawn marks in it.
        Assert.Equal(data.Metrics.Count, PlotSvg().Matches(dom).Count);
        Assert.DoesNotContain(log.Split('\n'), line => line.Contains("CONSOLE", StringComparison.Ordinal) && line.Contains("rror", StringComparison.Ordinal));
    }

    [Fact]
    public void A_one_cell_report_shows_its_table_without_errors()
    {
        var data = SampleReports.OneCell();

        var (dom, log) = Open(data);

        var body = BodyTag().Match(dom);
        Assert.True(body.Success, "the page has no body after load:\n" + Tail(log));
        Assert.Equal("[]", Attribute(body.Value, "data-errors"));
        Assert.Equal("0", Attribute(body.Value, "data-charts-drawn"));
        Assert.Contains("0.0123 ± 0.0004", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_screenshot_of_the_heat_map_report_shows_painted_charts()
    {
        var page = Path.Combine(SampleMaps.OutputDirectory(), "interactive-report.html");
        var png = Path.Combine(SampleMaps.OutputDirectory(), "interactive-report.png");
        File.WriteAllText(page, InteractiveReport.Render(SampleReports.TwoAxes()), new UTF8Encoding(false));
        File.Delete(png);

        var log = HeadlessChromium.Screenshot(page, png, 1100, 1400);

        Assert.True(File.Exists(png), "Chromium wrote no screenshot: " + Tail(log));
        var image = PngImage.Load(png);
        var distinct = image.Pixels.Distinct().Count();
        Assert.True(distinct > 200, $"only {distinct} distinct colours: the heat maps were not painted");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (string Dom, string Log) Open(SweepReportData data)
    {
        var page = Path.Combine(folder, "report.html");
        File.WriteAllText(page, InteractiveReport.Render(data), new UTF8Encoding(false));
        return HeadlessChromium.DumpDom(page);
    }

    private static string Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, name + "=\"([^\"]*)\"");
        Assert.True(match.Success, $"<body> has no {name} attribute: the report's finishing script did not run ({tag})");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Tail(string log) => log.Length > 3000 ? log[^3000..] : log;

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTag();

    [GeneratedRegex("""<div class="plot js-plotly-plot"[^>]*>.*?<svg class="main-svg".*?<g class="cartesianlayer"><g class="subplot xy"><g class="layer-subplot">.*?<g class="plot"[^>]*>\s*<g""", RegexOptions.Singleline)]
    private static partial Regex PlotSvg();
}
