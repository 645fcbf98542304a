using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Tests.Theory.Solvers;

public class ScalarRootTests
{
    [Fact]
    public void Finds_a_bracketed_root()
    {
        Assert.Equal(Math.PI / 2, ScalarRoot.Bracketed(Math.Cos, 0, 3), 13);
        Assert.Equal(Math.Sqrt(2), ScalarRoot.Bracketed(x => x * x - 2, 2, 0), 13);
    }

    [Fact]
    public void Rejects_an_interval_without_a_sign_change()
    {
        Assert.Throws<ArgumentException>(() => ScalarRoot.Bracketed(x => x * x + 1, -1, 1));
    }

    [Fact]
    public void First_crossing_picks_the_lowest_upward_root()
    {
        // sin x crosses upward at 2π and 4π on [1, 13]; downward at π, 3π.
        var grid = Enumerable.Range(0, 49).Select(i => 1 + 0.25 * i).ToArray();
        Assert.Equal(2 * Math.PI, ScalarRoot.FirstCrossing(Math.Sin, grid, upward: true, CancellationToken.None)!.Value, 12);
        Assert.Equal(Math.PI, ScalarRoot.FirstCrossing(Math.Sin, grid, upward: false, CancellationToken.None)!.Value, 12);
        Assert.Null(ScalarRoot.FirstCrossing(x => x, grid, upward: false, CancellationToken.None));
    }

    [Fact]
    public void Geometric_grid_spans_its_ends()
    {
        var grid = ScalarRoot.GeometricGrid(1e-3, 10, 5);
        Assert.Equal(1e-3, grid[0], 15);
        Assert.Equal(10, grid[^1]);
        Assert.Equal(1e-2, grid[1], 14);
    }
}
