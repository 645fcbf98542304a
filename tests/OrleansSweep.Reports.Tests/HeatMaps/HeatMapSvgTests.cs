using System.Xml.Linq;

namespace OrleansSweep.Reports.Tests.HeatMaps;

public class HeatMapSvgTests
{
    [Fact]
    public void Output_is_a_standalone_svg_document()
    {
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions()));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", figure.Text, StringComparison.Ordinal);
        Assert.Equal(SvgFigure.Ns + "svg", figure.Root.Name);
        Assert.Equal("1.1", (string?)figure.Root.Attribute("version"));
        Assert.Equal("640", (string?)figure.Root.Attribute("width"));
        Assert.Equal("480", (string?)figure.Root.Attribute("height"));
        Assert.Equal("0 0 640 480", (string?)figure.Root.Attribute("viewBox"));
        Assert.DoesNotContain("NaN", figure.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", figure.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(56, 41)]
    [InlineData(1, 7)]
    [InlineData(9, 1)]
    [InlineData(1, 1)]
    public void There_is_one_rect_per_cell_and_the_cells_tile_the_plot(int nx, int ny)
    {
        var xs = Enumerable.Range(0, nx).Select(k => 0.5 + (0.1 * k * k)).ToList();
        var ys = Enumerable.Range(0, ny).Select(k => -3.0 + k).ToList();
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.Difference(xs, ys), new HeatMapOptions("grid")));

        var cells = figure.Cells();
        Assert.Equal(nx * ny, cells.Count);
        var (left, top, right, bottom) = figure.PlotFrame();
        var area = cells.Sum(c => SvgFigure.Number(c, "width") * SvgFigure.Number(c, "height"));
        Assert.Equal((right - left) * (bottom - top), area, (right - left) * (bottom - top) * 1e-3);
        Assert.All(cells, c => Assert.InRange(SvgFigure.Number(c, "x"), left - 0.01, right));
    }

    [Fact]
    public void Cell_widths_follow_a_non_uniform_grid()
    {
        // Centres 0, 1, 3: edges −0.5, 0.5, 2, 4, so the cells are 1 : 1.5 : 2 wide.
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.Difference([0.0, 1.0, 3.0], [0.0]), new HeatMapOptions("widths")));
        var widths = figure.Cells().Select(c => SvgFigure.Number(c, "width")).ToArray();
        Assert.Equal(1.5, widths[1] / widths[0], 2);
        Assert.Equal(2.0, widths[2] / widths[0], 2);
    }

    [Fact]
    public void Title_and_labels_are_present_and_escaped()
    {
        var data = SampleMaps.LambdaMax() with { MetricLabel = "λ_max <per step> & \"more\"" };
        var options = new HeatMapOptions("Edge of <chaos> & 'gates'", Subtitle: "b_r = −2 < 0");
        var figure = new SvgFigure(HeatMapSvg.Render(data, options));

        Assert.Equal("Edge of <chaos> & 'gates'", figure.Root.Element(SvgFigure.Ns + "title")!.Value);
        Assert.Equal("Edge of <chaos> & 'gates'", figure.ElementWithClass("title").Value);
        Assert.Equal("br = −2 < 0", figure.ElementWithClass("subtitle").Value);
        Assert.Equal("λmax <per step> & \"more\"", figure.ElementWithClass("metric-label").Value);
        var axisLabels = figure.Root.Descendants().Where(e => (string?)e.Attribute("class") == "axis-label").Select(e => e.Value).ToList();
        Assert.Equal(["gh", "αr"], axisLabels);
        Assert.Contains("Edge of &lt;chaos&gt; &amp; &#39;gates&#39;", figure.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<chaos>", figure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_follow_the_axis_label()
    {
        var data = SampleMaps.Difference([1.0, 2.0], [1.0, 2.0]) with { X = new Axis("t", "τ_r", "ms", [1.0, 2.0]) };
        var figure = new SvgFigure(HeatMapSvg.Render(data, new HeatMapOptions("units")));
        Assert.Contains(figure.Root.Descendants(), e => (string?)e.Attribute("class") == "axis-label" && e.Value == "τr (ms)");
    }

    [Fact]
    public void Colour_bar_has_a_gradient_ticks_and_the_metric_label()
    {
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions()));

        var bar = figure.Group("colorbar")!;
        var rect = bar.Element(SvgFigure.Ns + "rect")!;
        var gradientId = ((string)rect.Attribute("fill")!)[5..^1];
        var gradient = figure.Root.Descendants(SvgFigure.Ns + "linearGradient").Single(g => (string?)g.Attribute("id") == gradientId);
        Assert.Equal(11, gradient.Elements(SvgFigure.Ns + "stop").Count());
        Assert.Equal("#f7f7f7", (string?)gradient.Elements(SvgFigure.Ns + "stop").ElementAt(5).Attribute("stop-color"));
        var tickLabels = bar.Elements(SvgFigure.Ns + "text").Where(t => t.Attribute("class") is null).Select(t => t.Value).ToList();
        Assert.Contains("0.0", tickLabels);
        Assert.True(tickLabels.Count >= 3);
        Assert.Equal(tickLabels.Count, bar.Elements(SvgFigure.Ns + "line").Count());
        Assert.Equal("λmax", figure.ElementWithClass("metric-label").Value);
    }

    [Fact]
    public void Missing_and_non_finite_values_are_hatched_with_a_legend_entry()
    {
        var data = SampleMaps.Difference([0.0, 1.0, 2.0], [0.0, 1.0]);
        data.Values[0, 0] = null;
        data.Values[1, 0] = double.NaN;
        data.Values[2, 0] = double.PositiveInfinity;
        data.Values[0, 1] = double.NegativeInfinity;
        var figure = new SvgFigure(HeatMapSvg.Render(data, new HeatMapOptions("missing")));

        var fills = figure.Cells().Select(c => (string)c.Attribute("fill")!).ToList();
        Assert.Equal(4, fills.Count(f => f.StartsWith("url(#", StringComparison.Ordinal)));
        Assert.Contains("missing / failed", figure.Group("legend")!.Value, StringComparison.Ordinal);
        // The colour range comes from the finite cells only (0 and 1), so infinities do not wash out the map.
        var barLabels = BarLabels(figure);
        Assert.Equal("0.0", barLabels[0]);
        Assert.Equal("1.0", barLabels[^1]);
        Assert.DoesNotContain("Infinity", figure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_without_missing_cells_has_no_missing_legend()
    {
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.Difference([0.0, 1.0], [5.0, 6.0]), new HeatMapOptions("complete")));
        Assert.Null(figure.Group("legend"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(-1e-12)]
    public void A_constant_field_renders_in_one_colour(double value)
    {
        var data = SampleMaps.Difference([0.0, 1.0, 2.0], [0.0, 1.0]);
        foreach (var i in Enumerable.Range(0, 3))
        {
            data.Values[i, 0] = value;
            data.Values[i, 1] = value;
        }

        var figure = new SvgFigure(HeatMapSvg.Render(data, new HeatMapOptions("constant", DrawZeroContour: true)));

        Assert.Single(figure.Cells().Select(c => (string)c.Attribute("fill")!).Distinct());
        Assert.DoesNotContain("NaN", figure.Text, StringComparison.Ordinal);
        Assert.Null(figure.Group("zero-contour"));
    }

    [Fact]
    public void An_all_missing_field_renders()
    {
        var data = SampleMaps.Difference([0.0, 1.0], [0.0, 1.0]);
        foreach (var i in Enumerable.Range(0, 2))
        {
            data.Values[i, 0] = null;
            data.Values[i, 1] = double.NaN;
        }

        var figure = new SvgFigure(HeatMapSvg.Render(data, new HeatMapOptions("nothing", DrawZeroContour: true)));
        Assert.All(figure.Cells(), c => Assert.StartsWith("url(#", (string)c.Attribute("fill")!, StringComparison.Ordinal));
    }

    [Fact]
    public void Zero_contour_follows_x_equals_y_and_has_a_legend_entry()
    {
        var values = Enumerable.Range(0, 25).Select(k => -3.0 + (0.25 * k)).ToList();
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.Difference(values, values), new HeatMapOptions("diagonal", DrawZeroContour: true)));

        var (left, top, right, bottom) = figure.PlotFrame();
        var paths = figure.Group("zero-contour")!.Elements(SvgFigure.Ns + "path").ToList();
        Assert.Equal(2, paths.Count);
        var points = SvgFigure.PathPoints(paths[1]);
        Assert.True(points.Count >= 2);
        // Same axes on both sides: x = y is the plot's diagonal; coordinates are rounded to 0.01 px.
        Assert.All(points, p => Assert.Equal((p.X - left) / (right - left), (bottom - p.Y) / (bottom - top), 3));
        Assert.Contains("x − y = 0", figure.Group("legend")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_contour_is_absent_when_the_metric_keeps_its_sign()
    {
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.Difference([5.0, 6.0, 7.0], [0.0, 1.0]), new HeatMapOptions("positive", DrawZeroContour: true)));
        Assert.Null(figure.Group("zero-contour"));
        Assert.Null(figure.Group("legend"));
    }

    [Fact]
    public void Overlays_are_clipped_to_the_plot_area_and_listed_in_the_legend()
    {
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions()));

        var (left, top, right, bottom) = figure.PlotFrame();
        var overlays = figure.Group("overlays")!.Elements(SvgFigure.Ns + "g").ToList();
        Assert.Equal(2, overlays.Count);
        foreach (var path in overlays.SelectMany(o => o.Elements(SvgFigure.Ns + "path")))
        {
            Assert.All(SvgFigure.PathPoints(path), p =>
            {
                Assert.InRange(p.X, left - 0.01, right + 0.01);
                Assert.InRange(p.Y, top - 0.01, bottom + 0.01);
            });
        }

        // The vertical line g_h = 2 runs from α_r = −5 to 25, beyond both ends: clipped, it spans the full plot height.
        var vertical = SvgFigure.PathPoints(overlays[0].Elements(SvgFigure.Ns + "path").Last());
        Assert.Equal(bottom, vertical.Max(p => p.Y), 2);
        Assert.Equal(top, vertical.Min(p => p.Y), 2);
        var legend = figure.Group("legend")!.Value;
        Assert.Contains("gh σ(br) = 1", legend, StringComparison.Ordinal);
        Assert.Contains("synthetic gFP", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_axes_place_cells_and_ticks_in_log_space()
    {
        var figure = new SvgFigure(HeatMapSvg.Render(SampleMaps.Timescale(), new HeatMapOptions("ξ", Scale: ColorScale.LogSequential)));

        // Log-spaced values on a log axis: equal cell widths (up to the 0.01 px rounding of edges).
        var widths = figure.Cells().Take(40).Select(c => SvgFigure.Number(c, "width")).ToList();
        Assert.True(widths.Max() - widths.Min() < 0.03);
        var xLabels = figure.Group("x-axis")!.Elements(SvgFigure.Ns + "text").Where(t => t.Attribute("class") is null).Select(t => t.Value);
        Assert.Equal(["0.1", "1", "10", "100"], xLabels);
        Assert.Contains("1", BarLabels(figure));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions());
        var second = HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions());
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("sv-SE")]
    [InlineData("ar-SA")]
    public void Rendering_does_not_depend_on_the_current_culture(string culture)
    {
        var invariant = RenderUnder(System.Globalization.CultureInfo.InvariantCulture);
        var local = RenderUnder(System.Globalization.CultureInfo.GetCultureInfo(culture));
        Assert.Equal(invariant, local);
    }

    [Fact]
    public void Different_figures_get_different_definition_ids()
    {
        var a = new SvgFigure(HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions()));
        var b = new SvgFigure(HeatMapSvg.Render(SampleMaps.Timescale(), new HeatMapOptions("ξ")));
        var idsA = a.Root.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        var idsB = b.Root.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        Assert.Equal(2, idsA.Count);
        Assert.Empty(idsA.Intersect(idsB));
    }

    [Fact]
    public void Mismatched_values_and_tiny_canvases_are_rejected()
    {
        var data = SampleMaps.Difference([0.0, 1.0], [0.0, 1.0]);
        Assert.Throws<ArgumentException>(() => HeatMapSvg.Render(data with { Values = new double?[3, 2] }, new HeatMapOptions("bad")));
        Assert.Throws<ArgumentException>(() => HeatMapSvg.Render(data, new HeatMapOptions("small", Width: 100)));
    }

    private static List<string> BarLabels(SvgFigure figure) =>
        figure.Group("colorbar")!.Elements(SvgFigure.Ns + "text").Where(t => t.Attribute("class") is null).Select(t => t.Value).ToList();

    private static string RenderUnder(System.Globalization.CultureInfo culture)
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        var savedUi = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture;
            return HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions())
                + HeatMapSvg.Render(SampleMaps.Timescale(), new HeatMapOptions("ξ", Scale: ColorScale.LogSequential))
                + OrleansSweep.Reports.Interactive.InteractiveReport.Render(Interactive.SampleReports.TwoAxes());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
            System.Globalization.CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
