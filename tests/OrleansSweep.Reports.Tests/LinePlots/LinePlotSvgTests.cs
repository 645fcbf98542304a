using System.Xml.Linq;

namespace OrleansSweep.Reports.Tests.LinePlots;

public sealed class LinePlotSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly Axis G = new("g", "g", null, [0.5, 1, 1.5, 2, 2.5]);

    [Fact]
    public void Points_lie_in_value_order_with_higher_values_drawn_higher()
    {
        var doc = Render(new LinePlotData(G, "λ_max", [-0.5, -0.1, 0.05, 0.2, 0.3]));

        var circles = Group(doc, "points").Elements(Svg + "circle").ToList();
        Assert.Equal(5, circles.Count);
        var xs = circles.Select(c => (double)c.Attribute("cx")!).ToList();
        var ys = circles.Select(c => (double)c.Attribute("cy")!).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.Equal(ys.OrderDescending(), ys);
    }

    [Fact]
    public void A_missing_value_breaks_the_line_and_failed_cells_are_marked()
    {
        var doc = Render(new LinePlotData(G, "λ_max", [-0.5, -0.1, null, 0.2, 0.3], Failed: [false, false, true, false, false]));

        Assert.Equal(2, Group(doc, "measured").Elements(Svg + "polyline").Count());
        Assert.Equal(4, Group(doc, "points").Elements(Svg + "circle").Count());
        Assert.Contains("cell failed", Group(doc, "failed").Elements(Svg + "path").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_bars_span_the_sem_and_the_theory_is_dashed()
    {
        var doc = Render(new LinePlotData(G, "λ_max", [1, 2, 3, 4, 5], Sem: [0.5, 0.5, 0.5, 0.5, 0.5], Theory: [1, 2, 3, 4, 5]));

        var circle = Group(doc, "points").Elements(Svg + "circle").First();
        var bar = Group(doc, "points").Elements(Svg + "line").First(l => (double)l.Attribute("x1")! == (double)l.Attribute("x2")!);
        var cy = (double)circle.Attribute("cy")!;
        Assert.Equal(cy - (double)bar.Attribute("y2")!, (double)bar.Attribute("y1")! - cy, 1);
        Assert.Equal("6 4", (string?)Group(doc, "theory").Attribute("stroke-dasharray"));
        Assert.DoesNotContain(doc.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "zero");
    }

    [Fact]
    public void Series_of_the_wrong_length_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LinePlotSvg.Render(new LinePlotData(G, "x", [1, 2]), new HeatMapOptions("t")));
    }

    [Fact]
    public void Crossings_are_vertical_lines_with_a_sem_band_dotted_when_not_significant()
    {
        var doc = Render(new LinePlotData(G, "λ_max", [-0.5, -0.1, 0.05, 0.2, 0.3], Crossings: [new(1.3, 0.1, true), new(2.2, double.PositiveInfinity, false)]));

        var crossings = Group(doc, "crossings");
        var lines = crossings.Elements(Svg + "line").ToList();
        Assert.Equal(["none", "2 3"], lines.Select(l => (string?)l.Attribute("stroke-dasharray")));
        var band = crossings.Elements(Svg + "rect").Single();
        var (x, width) = ((double)band.Attribute("x")!, (double)band.Attribute("width")!);
        Assert.Equal((double)lines[0].Attribute("x1")!, x + (width / 2), 1);
        // ±0.1 on an axis from 0.5 to 2.5 (padded by 4 % of the range each side) is 0.2/2.16 of the plot's width.
        var frame = doc.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "frame");
        Assert.Equal(0.2 / 2.16 * (double)frame.Attribute("width")!, width, 1);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "boundary ± SEM");
    }

    private static XDocument Render(LinePlotData data) => XDocument.Parse(LinePlotSvg.Render(data, new HeatMapOptions("title")));

    private static XElement Group(XDocument doc, string name) => doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == name);
}
