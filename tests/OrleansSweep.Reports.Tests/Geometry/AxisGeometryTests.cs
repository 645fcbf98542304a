using OrleansSweep.Reports.Geometry;

namespace OrleansSweep.Reports.Tests.Geometry;

public class AxisGeometryTests
{
    [Fact]
    public void Edges_lie_halfway_between_neighbouring_values()
    {
        var geometry = AxisGeometry.From(new Axis("a", "a", null, [0.0, 1.0, 3.0, 7.0]), "axis");
        Assert.Equal([-0.5, 0.5, 2.0, 5.0, 9.0], geometry.Edges);
        Assert.Equal(-0.5, geometry.Lo);
        Assert.Equal(9.0, geometry.Hi);
    }

    [Fact]
    public void Log_axis_edges_are_geometric_means()
    {
        double[] values = [0.1, 1.0, 4.0, 100.0];
        var geometry = AxisGeometry.From(new Axis("a", "a", null, values, Logarithmic: true), "axis");
        for (var i = 1; i < values.Length; i++)
        {
            Assert.Equal(Math.Sqrt(values[i - 1] * values[i]), Math.Pow(10, geometry.Edges[i]), 10);
        }

        Assert.Equal(Math.Log10(0.1) - 0.5, geometry.Edges[0], 12);
    }

    [Fact]
    public void Decreasing_values_work_and_span_the_same_extent()
    {
        var up = AxisGeometry.From(new Axis("a", "a", null, [1.0, 2.0, 4.0]), "axis");
        var down = AxisGeometry.From(new Axis("a", "a", null, [4.0, 2.0, 1.0]), "axis");
        Assert.Equal(up.Lo, down.Lo);
        Assert.Equal(up.Hi, down.Hi);
        Assert.Equal(Enumerable.Reverse(up.Edges), down.Edges);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    [InlineData(-40.0)]
    public void A_single_value_gets_a_cell_around_it(double value)
    {
        var geometry = AxisGeometry.From(new Axis("a", "a", null, [value]), "axis");
        Assert.True(geometry.Hi > geometry.Lo);
        Assert.Equal(value, 0.5 * (geometry.Lo + geometry.Hi), 12);
    }

    [Fact]
    public void Pixels_map_linearly_from_the_first_to_the_last_edge()
    {
        var geometry = AxisGeometry.From(new Axis("a", "a", null, [0.0, 1.0, 2.0]), "axis");
        Assert.Equal(100.0, geometry.ToPx(geometry.Lo, 100, 400), 12);
        Assert.Equal(400.0, geometry.ToPx(geometry.Hi, 100, 400), 12);
        Assert.Equal(250.0, geometry.ToPx(1.0, 100, 400), 12);
    }

    public static TheoryData<double[], bool> InvalidAxes() => new()
    {
        { [], false },
        { [1.0, double.NaN], false },
        { [1.0, double.PositiveInfinity], false },
        { [1.0, 1.0], false },
        { [1.0, 3.0, 2.0], false },
        { [0.0, 1.0], true },
        { [-1.0, 1.0], true },
    };

    [Theory]
    [MemberData(nameof(InvalidAxes))]
    public void Invalid_axes_are_rejected(double[] values, bool logarithmic)
    {
        Assert.Throws<ArgumentException>(() => AxisGeometry.From(new Axis("a", "a", null, values, logarithmic), "axis"));
    }
}
