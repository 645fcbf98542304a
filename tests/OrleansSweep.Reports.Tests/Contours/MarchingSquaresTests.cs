using OrleansSweep.Reports.Contours;

namespace OrleansSweep.Reports.Tests.Contours;

public class MarchingSquaresTests
{
    public static TheoryData<int, bool> Grids() => new() { { 2, false }, { 3, true }, { 7, false }, { 12, true }, { 31, false } };

    [Theory]
    [MemberData(nameof(Grids))]
    public void Contour_of_x_minus_y_lies_on_the_diagonal(int n, bool nonUniform)
    {
        // Non-uniform nodes: squares of unequal sides, and x and y nodes that differ, so the line crosses edges
        // at interior points rather than at nodes.
        var xs = Nodes(n, nonUniform, 0.0);
        var ys = Nodes(n + 1, nonUniform, 0.013);
        var field = Field(xs, ys, (x, y) => x - y);

        var lines = MarchingSquares.Trace(xs, ys, field, 0.0);

        var points = lines.SelectMany(l => l).ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.True(Math.Abs(p.X - p.Y) < 1e-12, $"({p.X}, {p.Y}) is off x = y"));
        // One unbroken line from one side of the grid to the other.
        var line = Assert.Single(lines);
        var span = Math.Min(xs[^1], ys[^1]) - Math.Max(xs[0], ys[0]);
        Assert.True(Math.Abs(line[^1].X - line[0].X) > 0.9 * span);
    }

    [Theory]
    [InlineData(1.0, 2.0, -3.0, 0.0)]
    [InlineData(-0.5, 0.25, 1.0, 0.3)]
    [InlineData(3.0, -7.0, 0.1, -2.0)]
    public void Contours_of_linear_fields_are_exact(double a, double b, double c, double level)
    {
        var xs = Nodes(15, true, -2.0);
        var ys = Nodes(11, false, -1.5);
        var field = Field(xs, ys, (x, y) => (a * x) + (b * y) + c);

        var points = MarchingSquares.Trace(xs, ys, field, level).SelectMany(l => l).ToList();

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.True(Math.Abs((a * p.X) + (b * p.Y) + c - level) < 1e-10));
    }

    [Theory]
    [InlineData(21, 0.8)]
    [InlineData(41, 1.3)]
    public void A_circle_is_one_closed_loop_within_the_grid_error(int n, double radius)
    {
        var xs = Enumerable.Range(0, n).Select(k => -2.0 + (4.0 * k / (n - 1))).ToArray();
        var field = Field(xs, xs, (x, y) => (x * x) + (y * y) - (radius * radius));

        var loop = Assert.Single(MarchingSquares.Trace(xs, xs, field, 0.0));

        Assert.Equal(loop[0], loop[^1]);
        // Linear interpolation of a quadratic errs by O(h²): a small fraction of the spacing h.
        var h = xs[1] - xs[0];
        Assert.All(loop, p => Assert.InRange(Math.Sqrt((p.X * p.X) + (p.Y * p.Y)), radius - (0.25 * h), radius + (0.25 * h)));
        Assert.True(loop.Count > 2 * Math.PI * radius / h);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(-0.2)]
    public void Saddle_squares_give_two_segments_decided_by_the_centre(double centreBias)
    {
        // Corners +1, −1, +1, −1 around the square, shifted so the mean (the centre) is above or below zero.
        double[] xs = [0.0, 1.0];
        var field = new double[2, 2];
        field[0, 0] = 1 + centreBias;
        field[1, 0] = -1 + centreBias;
        field[1, 1] = 1 + centreBias;
        field[0, 1] = -1 + centreBias;

        var lines = MarchingSquares.Trace(xs, xs, field, 0.0);

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(2, l.Count));
        // Centre above: the positive corners (0,0) and (1,1) connect, so the segments cut off (1,0) and (0,1).
        var cutCorners = centreBias > 0 ? new[] { (1.0, 0.0), (0.0, 1.0) } : [(0.0, 0.0), (1.0, 1.0)];
        foreach (var corner in cutCorners)
        {
            Assert.Contains(lines, l => l.All(p => Math.Abs(p.X - corner.Item1) + Math.Abs(p.Y - corner.Item2) < 1.0 + 1e-12));
        }
    }

    [Fact]
    public void A_checkerboard_of_saddles_does_not_crash_and_joins_consistently()
    {
        const int n = 16;
        var xs = Enumerable.Range(0, n).Select(k => (double)k).ToArray();
        var field = Field(xs, xs, (x, y) => ((int)(x + y) % 2 == 0 ? 1.0 : -1.0) + (0.01 * Math.Sin(x * y)));

        var lines = MarchingSquares.Trace(xs, xs, field, 0.0);

        // Every square is a saddle with two segments; each interior edge point is shared by two of them.
        Assert.Equal(2 * (n - 1) * (n - 1), lines.Sum(l => l.Count - 1));
        Assert.All(lines.SelectMany(l => l), p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y)));
    }

    [Fact]
    public void Missing_nodes_break_the_line()
    {
        var xs = Enumerable.Range(0, 10).Select(k => (double)k).ToArray();
        var ys = xs.Select(x => x + 0.5).ToArray();
        var field = Field(xs, ys, (x, y) => x - y);
        field[5, 5] = double.NaN;

        var lines = MarchingSquares.Trace(xs, ys, field, 0.0);

        Assert.Equal(2, lines.Count);
        Assert.All(lines.SelectMany(l => l), p => Assert.True(Math.Abs(p.X - p.Y) < 1e-12));
    }

    [Fact]
    public void Level_at_node_values_gives_finite_points()
    {
        var xs = Enumerable.Range(0, 6).Select(k => (double)k).ToArray();
        var field = Field(xs, xs, (x, y) => x - y);

        var points = MarchingSquares.Trace(xs, xs, field, 0.0).SelectMany(l => l).ToList();

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal(p.X, p.Y, 12));
    }

    [Fact]
    public void A_field_without_a_sign_change_has_no_contour()
    {
        double[] xs = [0, 1, 2];
        Assert.Empty(MarchingSquares.Trace(xs, xs, Field(xs, xs, (x, y) => 1 + x + y), 0.0));
        Assert.Empty(MarchingSquares.Trace([0.0], [0.0], new double[1, 1], 0.0));
    }

    private static double[] Nodes(int n, bool nonUniform, double offset) =>
        Enumerable.Range(0, n).Select(k => offset + (nonUniform ? Math.Pow(k / (double)Math.Max(1, n - 1), 1.7) * n : k)).ToArray();

    private static double[,] Field(IReadOnlyList<double> xs, IReadOnlyList<double> ys, Func<double, double, double> f)
    {
        var field = new double[xs.Count, ys.Count];
        for (var i = 0; i < xs.Count; i++)
        {
            for (var j = 0; j < ys.Count; j++)
            {
                field[i, j] = f(xs[i], ys[j]);
            }
        }

        return field;
    }
}
