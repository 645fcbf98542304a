using OrleansSweep.Sweeps.Refinement;
using static OrleansSweep.Sweeps.Tests.Refinement.RefineHarness;

namespace OrleansSweep.Sweeps.Tests.Refinement;

/// <summary>
/// The refined boundary of analytic fields over (bZ, bR) ∈ [−2, 2]² (9 × 9 coarse cells, spacing h = 0.5): a circle of
/// radius 1.2 and a g_c(α)-like curve x = g(y), with and without noise of known SEM.
/// </summary>
public class RefinementConvergenceTests
{
    private const double Radius = 1.2;
    private const double Coarse = 0.5;

    /// <summary>x = 0.4 + 0.6 tanh(y): monotone like the onset g_c(α_r) of a discontinuous transition (§B.5).</summary>
    private static double Curve(double y) => 0.4 + 0.6 * Math.Tanh(y);

    private static double CircleField(double x, double y) => x * x + y * y - Radius * Radius;

    [Fact]
    public void The_circle_converges_with_the_finest_cell_size()
    {
        var distances = new List<double>();
        for (var depth = 1; depth <= 4; depth++)
        {
            var plan = new RefinementPlan(Square(-2, 2, 9, depth));
            var samples = Run(plan, cell => (CircleField(cell.Cell.AxisValues["bZ"], cell.Cell.AxisValues["bR"]), null));
            var points = plan.Boundary(samples).Select(p => (p.Coordinates[0].Value, p.Coordinates[1].Value)).ToList();
            var finest = Coarse / Math.Pow(2, depth);
            var hausdorff = Hausdorff(points, Radius);
            distances.Add(hausdorff);

            // Points to the curve: linear interpolation of a smooth field is O(h²); the curve to the points: the
            // spacing of crossings along it, under one finest cell.
            Assert.True(hausdorff <= finest, $"depth {depth}: Hausdorff distance {hausdorff} > finest cell {finest}");
        }

        for (var depth = 1; depth < distances.Count; depth++)
        {
            Assert.True(distances[depth] <= 0.6 * distances[depth - 1], $"no halving from depth {depth} to {depth + 1}: {string.Join(", ", distances)}");
        }
    }

    [Fact]
    public void Spends_cells_along_the_boundary_only()
    {
        const int depth = 4;
        var plan = new RefinementPlan(Square(-2, 2, 9, depth));
        var samples = Run(plan, cell => (CircleField(cell.Cell.AxisValues["bZ"], cell.Cell.AxisValues["bR"]), null));

        // The uniform finest grid has 81·256 cells; the boundary's share grows like its length in finest cells.
        Assert.True(samples.Count < 81 * 256 / 5, $"{samples.Count} cells");
        foreach (var cell in samples.Select(s => plan.CellAt(s.Index)).Where(c => c.Depth > 0))
        {
            // A split cell's parent straddled: it lies within a couple of its parent's diagonals of the circle.
            var r = Math.Sqrt(Math.Pow(cell.Cell.AxisValues["bZ"], 2) + Math.Pow(cell.Cell.AxisValues["bR"], 2));
            var parentWidth = Coarse / Math.Pow(2, cell.Depth - 1);
            Assert.InRange(Math.Abs(r - Radius), 0, 3 * parentWidth);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Refined_boundary_cells_are_the_uniform_finest_grid_s_within_one_cell(int depth)
    {
        var sweep = Square(-2, 2, 9, depth);
        var plan = new RefinementPlan(sweep);
        Func<double, double, double> field = (x, y) => x - Curve(y);
        var samples = Run(plan, cell => (field(cell.Cell.AxisValues["bZ"], cell.Cell.AxisValues["bR"]), null));

        // The refined boundary cells: finest leaves with a straddling neighbour (every straddling pair ends at the depth).
        var refined = plan.Boundary(samples)
            .SelectMany(p => new[] { p.IndexA, p.IndexB })
            .Select(i => new RefineLattice(sweep.Spec).KeyOf(i))
            .ToHashSet();
        Assert.All(refined, k => Assert.Equal(depth, k.Depth));

        // The uniform finest grid: every lattice cell at the depth, sampled where the refinement would sample it.
        var lattice = new RefineLattice(sweep.Spec);
        var (nx, ny) = (lattice.Extent(0, depth), lattice.Extent(1, depth));
        double Value(long i, long j) => field(lattice.Axes[0].SampleValue(depth, i), lattice.Axes[1].SampleValue(depth, j));
        var uniform = new HashSet<NodeKey>();
        void Compare(long i, long j, long i2, long j2)
        {
            if (CrossingTest.Straddles(Value(i, j), Value(i2, j2), 0))
            {
                uniform.Add(new NodeKey(0, depth, i, j));
                uniform.Add(new NodeKey(0, depth, i2, j2));
            }
        }

        for (long i = 0; i < nx; i++)
        {
            for (long j = 0; j < ny; j++)
            {
                if (i + 1 < nx)
                {
                    Compare(i, j, i + 1, j);
                }

                if (j + 1 < ny)
                {
                    Compare(i, j, i, j + 1);
                }
            }
        }

        Assert.NotEmpty(uniform);
        Assert.All(uniform, u => Assert.Contains(refined, r => Chebyshev(u, r) <= 1));
        Assert.All(refined, r => Assert.Contains(uniform, u => Chebyshev(u, r) <= 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Noisy_boundaries_lie_within_their_stated_uncertainty(int depth)
    {
        // A λ-like field with slope ≈ 1 across the curve and noise of SEM 0.03: crossings scatter by about
        // 0.03 / |∇f| around the curve whatever the depth (refinement stops near that scale), and each point's SEM
        // must say so — including at depth 5, where the finest cells (0.016) are smaller than the scatter.
        const double sem = 0.03;
        var plan = new RefinementPlan(Square(-2, 2, 9, depth));
        var samples = Run(plan, cell =>
        {
            var (x, y) = (cell.Cell.AxisValues["bZ"], cell.Cell.AxisValues["bR"]);
            return (x - Curve(y) + sem * Gaussian(cell.Cell.Index, 11), sem);
        });
        var points = plan.Boundary(samples);
        Assert.True(points.Count > 20, $"{points.Count} points");
        var pulls = points.Select(p =>
        {
            var (x, y) = (p.Coordinates[0].Value, p.Coordinates[1].Value);
            var miss = Math.Abs(x - Curve(y)) / Math.Sqrt(1 + Math.Pow(0.6 / Math.Pow(Math.Cosh(y), 2), 2));
            var stated = Math.Sqrt(Math.Pow(p.Coordinates[0].Sem, 2) + Math.Pow(p.Coordinates[1].Sem, 2));
            return miss / stated;
        }).Order().ToList();

        // |pull| of a Gaussian: median 0.67, 90 % below 1.64. The stated SEM is conservative (the smaller of two
        // slopes), so the median sits lower — but not so low that the SEM says nothing.
        var summary = $"median {pulls[pulls.Count / 2]}, 90 % {pulls[pulls.Count * 9 / 10]}, max {pulls[^1]}";
        Assert.True(pulls[pulls.Count * 9 / 10] <= 2, summary);
        Assert.True(pulls[^1] <= 5, summary);
        Assert.True(pulls[pulls.Count / 2] >= 0.15, summary);
    }

    [Fact]
    public void Is_deterministic_whatever_order_results_arrive_in()
    {
        var plan = new RefinementPlan(Square(-2, 2, 9, 3));
        var samples = Run(plan, cell => (CircleField(cell.Cell.AxisValues["bZ"], cell.Cell.AxisValues["bR"]) + 0.01 * Gaussian(cell.Cell.Index, 5), 0.01));

        // Drop the last round's cells so that NextCells has splits to decide, then shuffle the rest.
        var partial = samples.Take(samples.Count * 2 / 3).ToList();
        var shuffled = partial.OrderBy(s => Gaussian(s.Index, 9)).ToList();
        var again = new RefinementPlan(Square(-2, 2, 9, 3));
        Assert.Equal(Ids(plan.NextCells(partial)), Ids(again.NextCells(shuffled)));
        Assert.Equal(plan.Boundary(samples).Select(Key), again.Boundary(samples.AsEnumerable().Reverse()).Select(Key));
    }

    private static IEnumerable<(string, int)> Ids(IReadOnlyList<RefinedCell> cells) => cells.Select(c => (c.Cell.CellId, c.Cell.Index));

    private static (int, int, double, double) Key(BoundaryPoint p) => (p.IndexA, p.IndexB, p.Coordinates[0].Value, p.Coordinates[1].Value);

    private static long Chebyshev(NodeKey a, NodeKey b) => Math.Max(Math.Abs(a.P0 - b.P0), Math.Abs(a.P1 - b.P1));

    /// <summary>Hausdorff distance between the points and the circle: max of point→circle and circle→nearest point.</summary>
    private static double Hausdorff(List<(double X, double Y)> points, double radius)
    {
        var toCurve = points.Max(p => Math.Abs(Math.Sqrt(p.X * p.X + p.Y * p.Y) - radius));
        var fromCurve = 0.0;
        for (var k = 0; k < 720; k++)
        {
            var (cx, cy) = (radius * Math.Cos(k * Math.PI / 360), radius * Math.Sin(k * Math.PI / 360));
            fromCurve = Math.Max(fromCurve, points.Min(p => Math.Sqrt(Math.Pow(p.X - cx, 2) + Math.Pow(p.Y - cy, 2))));
        }

        return Math.Max(toCurve, fromCurve);
    }
}
