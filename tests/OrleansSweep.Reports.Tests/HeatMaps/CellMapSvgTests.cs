using System.Xml.Linq;

namespace OrleansSweep.Reports.Tests.HeatMaps;

public class CellMapSvgTests
{
    /// <summary>[0, 2] × [0, 2] in four unit cells, the lower-left one split into four of 0.5: seven leaves, z = x + y − 2.</summary>
    private static List<MapCell> Quadtree()
    {
        var cells = new List<MapCell>();
        foreach (var (x, y) in new[] { (1.0, 0.0), (0.0, 1.0), (1.0, 1.0) })
        {
            cells.Add(new MapCell(x, x + 1, y, y + 1, x + y + 1 - 2));
        }

        foreach (var (x, y) in new[] { (0.0, 0.0), (0.5, 0.0), (0.0, 0.5), (0.5, 0.5) })
        {
            cells.Add(new MapCell(x, x + 0.5, y, y + 0.5, x + y + 0.5 - 2));
        }

        return cells;
    }

    private static CellMapData Map(IReadOnlyList<MapCell> cells, IReadOnlyList<BoundaryMark>? boundary = null, bool logX = false) => new(
        new Axis("a", "a", null, [0.5, 1.5], logX),
        new Axis("b", "b", null, [0.5, 1.5]),
        "z",
        "z",
        cells,
        boundary,
        "z = 0");

    [Fact]
    public void There_is_one_rect_per_cell_at_its_own_extent_and_the_cells_tile_the_plot()
    {
        var figure = new SvgFigure(CellMapSvg.Render(Map(Quadtree()), new HeatMapOptions("cells")));

        var rects = figure.Cells();
        Assert.Equal(7, rects.Count);
        var (left, top, right, bottom) = figure.PlotFrame();
        Assert.Equal((right - left) * (bottom - top), rects.Sum(r => SvgFigure.Number(r, "width") * SvgFigure.Number(r, "height")), 1e-6 * (right - left) * (bottom - top));
        var unit = (right - left) / 2;
        Assert.Equal([unit, unit, unit, unit / 2, unit / 2, unit / 2, unit / 2], rects.Select(r => SvgFigure.Number(r, "width")), new Tolerance(0.011));
        // The split quadrant sits at the plot's lower-left corner: its first child starts at the frame.
        Assert.Equal(left, SvgFigure.Number(rects[3], "x"), 2);
        Assert.Equal(bottom, SvgFigure.Number(rects[3], "y") + SvgFigure.Number(rects[3], "height"), 2);
    }

    [Fact]
    public void Cells_sharing_an_edge_share_it_to_the_pixel()
    {
        var figure = new SvgFigure(CellMapSvg.Render(Map(Quadtree()), new HeatMapOptions("cells")));

        var rects = figure.Cells();
        double Right(XElement r) => Math.Round(SvgFigure.Number(r, "x") + SvgFigure.Number(r, "width"), 2);
        // Children at x ∈ [0.5, 1] end exactly where the coarse cell at x = 1 begins.
        Assert.Equal(SvgFigure.Number(rects[0], "x"), Right(rects[4]));
        Assert.Equal(Right(rects[3]), SvgFigure.Number(rects[4], "x"));
    }

    [Fact]
    public void Boundary_points_get_markers_filled_when_significant_and_bars_only_for_a_finite_sem()
    {
        BoundaryMark[] marks =
        [
            new(1.0, 1.0, 0.1, 0.0, true),
            new(0.75, 0.25, double.PositiveInfinity, 0.0, true),
            new(1.5, 0.5, 0.0, 0.05, false),
        ];

        var figure = new SvgFigure(CellMapSvg.Render(Map(Quadtree(), marks), new HeatMapOptions("cells")));

        var circles = figure.Group("boundary")!.Elements(SvgFigure.Ns + "circle").ToList();
        Assert.Equal(["#000000", "#ffffff", "#ffffff"], circles.Select(c => (string?)c.Attribute("fill")));
        var bars = SvgFigure.PathPoints(figure.Group("boundary")!.Elements(SvgFigure.Ns + "path").Last());
        Assert.Equal(4, bars.Count); // the x bar of the first point and the y bar of the third: two segments
        Assert.Contains(figure.Group("legend")!.Descendants(SvgFigure.Ns + "text"), t => t.Value.Contains("z = 0", StringComparison.Ordinal));
        Assert.DoesNotContain("NaN", figure.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", figure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bar_wider_than_its_segment_is_drawn_within_it()
    {
        // A crossing at x = 1 between samples at 0.75 and 1.5 with a SEM of 5 (both means near the level): the bar
        // spans the segment, not ±5 across the map; without a range it is clipped only by the plot frame.
        BoundaryMark[] within = [new(1.0, 1.0, 5.0, 0.0, true, XRange: (0.75, 1.5))];
        BoundaryMark[] unbounded = [new(1.0, 1.0, 5.0, 0.0, true)];

        double[] BarEnds(BoundaryMark[] marks)
        {
            var figure = new SvgFigure(CellMapSvg.Render(Map(Quadtree(), marks), new HeatMapOptions("cells")));
            return [.. SvgFigure.PathPoints(figure.Group("boundary")!.Elements(SvgFigure.Ns + "path").Last()).Select(p => p.X)];
        }

        var (left, _, right, _) = new SvgFigure(CellMapSvg.Render(Map(Quadtree()), new HeatMapOptions("cells"))).PlotFrame();
        var unit = (right - left) / 2; // the x axis spans [0, 2]
        Assert.Equal([left + (0.75 * unit), left + (1.5 * unit)], BarEnds(within), new Tolerance(0.02));
        Assert.Equal([left, right], BarEnds(unbounded), new Tolerance(0.02));
    }

    [Fact]
    public void On_a_log_axis_equal_ratios_are_equal_widths()
    {
        MapCell[] cells = [new(1, 10, 0, 1, 1.0), new(10, 100, 0, 1, 2.0), new(100, 1000, 0, 1, 3.0)];

        var figure = new SvgFigure(CellMapSvg.Render(Map(cells, logX: true) with { X = new Axis("a", "a", null, [3.0, 30.0, 300.0], true) }, new HeatMapOptions("log")));

        var widths = figure.Cells().Select(r => SvgFigure.Number(r, "width")).ToList();
        Assert.Equal(widths[0], widths[1], 0.011);
        Assert.Equal(widths[1], widths[2], 0.011);
    }

    [Fact]
    public void Missing_values_are_hatched_and_bad_extents_are_refused()
    {
        MapCell[] cells = [new(0, 1, 0, 1, null), new(1, 2, 0, 1, double.NaN), new(0, 2, 1, 2, 1.0)];
        var figure = new SvgFigure(CellMapSvg.Render(Map(cells), new HeatMapOptions("missing")));
        Assert.Equal(2, figure.Cells().Count(r => ((string)r.Attribute("fill")!).StartsWith("url(#", StringComparison.Ordinal)));

        Assert.Throws<ArgumentException>(() => CellMapSvg.Render(Map([new MapCell(1, 0, 0, 1, 1.0)]), new HeatMapOptions("bad")));
        Assert.Throws<ArgumentException>(() => CellMapSvg.Render(Map([new MapCell(0, double.NaN, 0, 1, 1.0)]), new HeatMapOptions("bad")));
        Assert.Throws<ArgumentException>(() => CellMapSvg.Render(Map([new MapCell(0, 1, 0, 1, 1.0)], logX: true), new HeatMapOptions("bad")));
        Assert.Throws<ArgumentException>(() => CellMapSvg.Render(Map([]), new HeatMapOptions("empty")));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
