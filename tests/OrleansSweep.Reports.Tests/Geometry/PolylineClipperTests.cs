using OrleansSweep.Reports.Geometry;

namespace OrleansSweep.Reports.Tests.Geometry;

public class PolylineClipperTests
{
    [Fact]
    public void A_line_through_the_rectangle_is_cut_at_its_border()
    {
        var pieces = PolylineClipper.Clip([(-10.0, 50.0), (110.0, 50.0)], 0, 0, 100, 100);
        var piece = Assert.Single(pieces);
        Assert.Equal([(0.0, 50.0), (100.0, 50.0)], piece);
    }

    [Fact]
    public void A_line_leaving_and_reentering_becomes_two_pieces()
    {
        var pieces = PolylineClipper.Clip([(10.0, 10.0), (10.0, -50.0), (90.0, -50.0), (90.0, 10.0)], 0, 0, 100, 100);
        Assert.Equal(2, pieces.Count);
        Assert.All(pieces.SelectMany(p => p), p => Assert.True(p.X is >= 0 and <= 100 && p.Y is >= 0 and <= 100));
    }

    [Fact]
    public void Non_finite_points_break_the_line()
    {
        var pieces = PolylineClipper.Clip([(10.0, 10.0), (20.0, 20.0), (double.NaN, 5.0), (30.0, 30.0), (40.0, 40.0)], 0, 0, 100, 100);
        Assert.Equal(2, pieces.Count);
    }

    [Fact]
    public void A_line_outside_vanishes()
    {
        Assert.Empty(PolylineClipper.Clip([(-10.0, -10.0), (-5.0, 200.0)], 0, 0, 100, 100));
        Assert.Empty(PolylineClipper.Clip([(1e300, 1e300), (2e300, -1e300)], 0, 0, 100, 100));
    }
}
