using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace OrleansSweep.Reports.Tests;

public class HtmlReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public void Report_is_self_contained_and_inlines_every_figure()
    {
        var lambda = HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions());
        var xi = HeatMapSvg.Render(SampleMaps.Timescale(), new HeatMapOptions("ξ", Scale: ColorScale.LogSequential));
        var html = HtmlReport.Render("Sweep S1", [("sweep", "S1")], [new ReportSection("λ_max", lambda, "caption"), new ReportSection("ξ", xi, null)]);

        Assert.DoesNotMatch(new Regex("(?:src|href)\\s*=\\s*[\"']?\\s*(?:https?:|//)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("url\\(\\s*[\"']?\\s*(?:https?:|//)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        foreach (var svg in new[] { lambda, xi })
        {
            Assert.Contains(svg[svg.IndexOf("<svg", StringComparison.Ordinal)..], html, StringComparison.Ordinal);
        }

        var doc = Parse(html);
        Assert.Equal(2, doc.Descendants(SvgNs + "svg").Count());
        Assert.Equal(2, doc.Descendants(Xhtml + "section").Count());
        Assert.Equal(["#section-1", "#section-2"], doc.Descendants(Xhtml + "a").Select(a => (string)a.Attribute("href")!));
    }

    [Fact]
    public void Metadata_table_is_escaped()
    {
        var html = HtmlReport.Render(
            "Report <1> & co",
            [("seed & key", "<script>alert(1)</script>"), ("path", "runs/s1_b_r=0.parquet")],
            []);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var doc = Parse(html);
        var rows = doc.Descendants(Xhtml + "tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("seed & key", rows[0].Element(Xhtml + "th")!.Value);
        Assert.Equal("<script>alert(1)</script>", rows[0].Element(Xhtml + "td")!.Value);
        // Metadata is plain text: underscores in paths are not subscripts.
        Assert.Equal("runs/s1_b_r=0.parquet", rows[1].Element(Xhtml + "td")!.Value);
        Assert.Equal("Report <1> & co", doc.Descendants(Xhtml + "title").Single().Value);
    }

    [Fact]
    public void Section_titles_and_captions_render_sub_and_superscripts()
    {
        var svg = HeatMapSvg.Render(SampleMaps.Difference([0.0, 1.0], [0.0, 1.0]), new HeatMapOptions("d"));
        var doc = Parse(HtmlReport.Render("r", [], [new ReportSection("λ_max over g_h", svg, "σ_w^2 = 1")]));

        var h2 = doc.Descendants(Xhtml + "h2").Single();
        Assert.Equal(["max", "h"], h2.Elements(Xhtml + "sub").Select(e => e.Value));
        Assert.Equal("2", doc.Descendants(Xhtml + "figcaption").Single().Element(Xhtml + "sup")!.Value);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://example.org/x.png\"/></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(http://example.org/p)\"/></svg>")]
    [InlineData("<div>not a figure</div>")]
    public void Figures_that_are_not_self_contained_svg_are_rejected(string svg)
    {
        Assert.Throws<ArgumentException>(() => HtmlReport.Render("r", [], [new ReportSection("bad", svg, null)]));
    }

    [Fact]
    public void Report_is_deterministic()
    {
        var svg = HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions());
        Assert.Equal(
            HtmlReport.Render("r", [("k", "v")], [new ReportSection("s", svg, "c")]),
            HtmlReport.Render("r", [("k", "v")], [new ReportSection("s", svg, "c")]));
    }

    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    /// <summary>The report is polyglot HTML5: it must also parse as XML.</summary>
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
