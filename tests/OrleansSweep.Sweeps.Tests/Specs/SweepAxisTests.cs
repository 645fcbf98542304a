using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class SweepAxisTests
{
    public static TheoryData<double, double, int> Ranges => new()
    {
        { 0.1, 0.7, 7 },
        { 0.5, 4.0, 8 },
        { -4, 4, 17 },
        { 1e-3, 1e3, 13 },
        { 3.3, 0.7, 9 },
        { 0.1, 100, 7 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Linear_points_hit_both_ends_exactly_and_are_equally_spaced(double from, double to, int steps)
    {
        var points = new RangeAxis("x", from, to, steps, AxisScale.Linear).Points();
        Assert.Equal(steps, points.Count);
        Assert.Equal(from, points[0]);
        Assert.Equal(to, points[^1]);
        var spacing = (to - from) / (steps - 1);
        for (var i = 1; i < steps; i++)
        {
            Assert.Equal(spacing, points[i] - points[i - 1], 1e-12 * Math.Max(Math.Abs(from), Math.Abs(to)));
        }
    }

    public static TheoryData<double, double, int> PositiveRanges => new()
    {
        { 0.1, 0.7, 7 },
        { 1e-3, 1e3, 13 },
        { 3.3, 0.7, 9 },
        { 0.1, 100, 7 },
    };

    [Theory]
    [MemberData(nameof(PositiveRanges))]
    public void Log_points_hit_both_ends_exactly_and_have_equal_ratios(double from, double to, int steps)
    {
        var points = new RangeAxis("x", from, to, steps, AxisScale.Log).Points();
        Assert.Equal(from, points[0]);
        Assert.Equal(to, points[^1]);
        var ratio = Math.Pow(to / from, 1.0 / (steps - 1));
        for (var i = 1; i < steps; i++)
        {
            Assert.Equal(ratio, points[i] / points[i - 1], 1e-12);
        }
    }

    [Fact]
    public void Log_points_of_decades_land_on_powers_of_ten()
    {
        var points = new RangeAxis("x", 1e-2, 1e2, 5, AxisScale.Log).Points();
        double[] expected = [1e-2, 1e-1, 1, 1e1, 1e2];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], points[i], 1e-13 * expected[i]);
        }
    }

    [Fact]
    public void A_single_step_is_the_single_point_from() =>
        Assert.Equal([2.5], new RangeAxis("x", 2.5, 2.5, 1, AxisScale.Linear).Points());

    [Fact]
    public void Points_outside_the_axis_throw()
    {
        var axis = new RangeAxis("x", 0, 1, 3, AxisScale.Linear);
        Assert.Throws<ArgumentOutOfRangeException>(() => axis.PointAt(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => axis.PointAt(-1));
    }

    [Fact]
    public void Value_lists_keep_their_order_and_compare_by_value()
    {
        var axis = new ValuesAxis("x", [3.0, 1.0, 2.0]);
        Assert.Equal([3.0, 1.0, 2.0], axis.Points());
        Assert.Equal(axis, new ValuesAxis("x", [3.0, 1.0, 2.0]));
        Assert.Equal(axis.GetHashCode(), new ValuesAxis("x", [3.0, 1.0, 2.0]).GetHashCode());
        Assert.NotEqual(axis, new ValuesAxis("x", [1.0, 2.0, 3.0]));
        Assert.NotEqual(axis, new ValuesAxis("y", [3.0, 1.0, 2.0]));
    }

    [Fact]
    public void Only_the_n_axis_counts_units()
    {
        Assert.True(new ValuesAxis("n", [10.0]).IsUnitCount);
        Assert.False(new ValuesAxis("gH", [10.0]).IsUnitCount);
    }
}
