using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Refinement;
using static OrleansSweep.Sweeps.Tests.Refinement.RefineHarness;

namespace OrleansSweep.Sweeps.Tests.Refinement;

public class RefinementPlanTests
{
    [Fact]
    public void Starts_with_the_plain_grid_s_cells()
    {
        var refined = Square(-2, 2, 5, 3);
        var plain = Spec("""{ "bZ": { "from": -2, "to": 2, "steps": 5 }, "bR": { "from": -2, "to": 2, "steps": 5 } }""", null);
        var first = new RefinementPlan(refined).NextCells([]);
        var grid = SweepGrid.Expand(plain).ToList();
        Assert.Equal(grid.Select(c => (c.CellId, c.Index)), first.Select(c => (c.Cell.CellId, c.Cell.Index)));
        Assert.All(first, c => Assert.Equal(0, c.Depth));
    }

    [Fact]
    public void Children_are_content_addressed_like_grid_cells()
    {
        var plan = new RefinementPlan(Line(-1, 1, 5, 2));
        var samples = Run(plan, cell => (cell.Cell.AxisValues["bZ"] - 0.3, null));
        var child = plan.CellAt(samples.Where(s => s.Index >= plan.CoarseCellCount).Max(s => s.Index));
        Assert.True(child.Depth > 0);
        var c = child.Cell;
        Assert.Equal(CellIdentity.Compute(c.Family, c.N, c.Parameters, c.Analyses, c.Seed, c.Realizations), c.CellId);

        // The same point as an ordinary one-cell grid of another sweep is the same cell.
        var value = c.AxisValues["bZ"].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var single = SweepGrid.Expand(Spec($$"""{ "bZ": { "values": [{{value}}] } }""", null)).Single();
        Assert.Equal(single.CellId, c.CellId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Finds_a_linear_crossing_exactly_at_every_depth(int depth)
    {
        var plan = new RefinementPlan(Line(0.5, 4, 8, depth));
        var samples = Run(plan, cell => (cell.Cell.AxisValues["bZ"] - 2.3, null));
        var point = Assert.Single(plan.Boundary(samples));
        Assert.Equal(2.3, point.Coordinates[0].Value, 12);
        Assert.Equal(depth, point.Depth);

        // One crossing: two cells straddle it per round, 2 children each, so at most 4 cells per depth.
        Assert.InRange(samples.Count, 8 + 2 * depth, 8 + 4 * depth);
        var finest = (4 - 0.5) / 7 / Math.Pow(2, depth);
        Assert.InRange(point.Coordinates[0].Upper - point.Coordinates[0].Lower, 0, 1.5 * finest + 1e-12);
    }

    [Fact]
    public void Interpolates_in_the_logarithm_on_a_log_axis()
    {
        // λ = ln(g / 1.7) is a straight line in ln g: the crossing is recovered exactly only if the interpolation runs in ln g.
        var plan = new RefinementPlan(Line(0.5, 8, 5, 2, "log", "gH"));
        var samples = Run(plan, cell => (Math.Log(cell.Cell.AxisValues["gH"] / 1.7), null));
        var point = Assert.Single(plan.Boundary(samples));
        Assert.Equal(1.7, point.Coordinates[0].Value, 12);
    }

    [Fact]
    public void Localises_a_jump_to_the_finest_cell()
    {
        const int depth = 5;
        var plan = new RefinementPlan(Line(0.5, 4, 8, depth));
        var samples = Run(plan, cell => (cell.Cell.AxisValues["bZ"] < 2.3 ? -1.0 : 0.4, 0.01));
        var point = Assert.Single(plan.Boundary(samples));
        Assert.InRange(2.3, point.Coordinates[0].Lower, point.Coordinates[0].Upper);
        Assert.True(point.Coordinates[0].Upper - point.Coordinates[0].Lower <= 1.5 * (3.5 / 7) / Math.Pow(2, depth) + 1e-12);
        Assert.True(point.Significant);
    }

    [Fact]
    public void Noise_far_from_the_level_splits_nothing()
    {
        // A constant field 1 with noise of SEM 0.1, level 0 ten SEMs away: the coarse grid is all there is.
        var plan = new RefinementPlan(Square(-2, 2, 9, 4));
        var samples = Run(plan, cell => (1 + 0.1 * Gaussian(cell.Cell.Index, 3), 0.1));
        Assert.Equal(plan.CoarseCellCount, samples.Count);
        Assert.Empty(plan.Boundary(samples));
    }

    [Fact]
    public void Noise_within_k_sem_of_the_level_splits_nothing()
    {
        // A field exactly at the level, means scattered by 0.5 SEM at most: straddles everywhere, significant nowhere.
        var plan = new RefinementPlan(Square(-2, 2, 9, 4));
        var samples = Run(plan, cell => (0.05 * Math.Sin(cell.Cell.Index * 1.7), 0.1));
        Assert.Equal(plan.CoarseCellCount, samples.Count);
        var boundary = plan.Boundary(samples);
        Assert.NotEmpty(boundary);
        Assert.All(boundary, p => Assert.False(p.Significant));
    }

    [Fact]
    public void Failed_cells_are_neither_split_nor_asked_for_again()
    {
        var plan = new RefinementPlan(Line(0.5, 4, 8, 3));
        var samples = Run(plan, cell => cell.Cell.Index == 3 ? (null, null) : (cell.Cell.AxisValues["bZ"] - 2.3, null));

        // bZ = 2.5 (index 4) is the first point above the crossing; index 3 (bZ = 2) failed, so no split is seen.
        Assert.Equal(8, samples.Count);
        Assert.Empty(plan.NextCells(samples));
    }

    [Fact]
    public void Completes_an_interrupted_round_before_deciding_new_splits()
    {
        var plan = new RefinementPlan(Square(-2, 2, 5, 3));
        Func<RefinedCell, (double?, double?)> field = cell => (cell.Cell.AxisValues["bZ"] - 0.3, null);
        var samples = plan.NextCells([]).Select(c => Sample(c, field)).ToList();
        var round = plan.NextCells(samples);
        Assert.NotEmpty(round);

        // Half of the round is stored, then the coordinator restarts: the other half is asked for, nothing more.
        var half = round.Where((_, i) => i % 2 == 0).ToList();
        var resumed = plan.NextCells([.. samples, .. half.Select(c => Sample(c, field))]);
        Assert.Equal(round.Where((_, i) => i % 2 == 1).Select(c => c.Cell.CellId), resumed.Select(c => c.Cell.CellId));
    }

    [Fact]
    public void Rebuilds_any_cell_from_its_index()
    {
        var plan = new RefinementPlan(Square(-2, 2, 5, 3));
        var samples = Run(plan, cell => (cell.Cell.AxisValues["bZ"] + cell.Cell.AxisValues["bR"] - 0.3, null));
        var rebuilt = new RefinementPlan(Square(-2, 2, 5, 3));
        foreach (var sample in samples)
        {
            var cell = rebuilt.CellAt(sample.Index);
            Assert.Equal(sample.Index, cell.Cell.Index);
            Assert.Equal(plan.CellAt(sample.Index).Cell.CellId, cell.Cell.CellId);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => plan.CellAt((int)plan.WorstCaseCellCount));
        Assert.Throws<ArgumentException>(() => plan.NextCells([samples[0], samples[0]]));
    }

    [Fact]
    public void Reads_the_sample_from_a_result_s_metrics()
    {
        var plan = new RefinementPlan(Line(0.5, 4, 8, 3));
        var metrics = new Dictionary<string, double?> { ["lyapunov_max"] = 0.12, ["lyapunov_max_sem"] = 0.01, ["lyapunov_sum"] = -3 };
        Assert.Equal(new RefineSample(5, 0.12, 0.01), plan.SampleOf(5, metrics));
        Assert.Equal(new RefineSample(5, null, null), plan.SampleOf(5, new Dictionary<string, double?>()));
    }

    [Fact]
    public void Refines_each_slice_of_an_unrefined_axis_on_its_own()
    {
        // bZ × bR refined, alphaR ∈ {0, 5} a slice axis; the boundary bZ = 0.3 + 0.1·alphaR moves between slices.
        var sweep = Spec(
            """{ "alphaR": { "values": [0, 5] }, "bZ": { "from": -2, "to": 2, "steps": 5 }, "bR": { "from": -2, "to": 2, "steps": 3 } }""",
            """{ "metric": "lyapunov_max", "level": 0, "depth": 3, "axes": ["bZ", "bR"] }""");
        var plan = new RefinementPlan(sweep);
        var samples = Run(plan, cell => (cell.Cell.AxisValues["bZ"] - 0.3 - 0.1 * cell.Cell.AxisValues["alphaR"], null));
        var points = plan.Boundary(samples);
        foreach (var alphaR in new[] { 0.0, 5.0 })
        {
            var slice = points.Where(p => p.Slice["alphaR"] == alphaR).ToList();
            Assert.NotEmpty(slice);
            Assert.All(slice, p => Assert.Equal(0.3 + 0.1 * alphaR, p.Coordinates[0].Value, 12));
            Assert.All(slice, p => Assert.Equal(alphaR, plan.CellAt(p.IndexA).Cell.AxisValues["alphaR"]));
            Assert.All(slice, p => Assert.Equal(alphaR, plan.CellAt(p.IndexB).Cell.AxisValues["alphaR"]));
        }

        Assert.Equal(["alphaR"], points[0].Slice.Keys);
        Assert.Equal(["bZ", "bR"], points[0].Coordinates.Select(c => c.Axis));
    }

    [Theory]
    [InlineData(+1)]
    [InlineData(-1)]
    public void Compares_neighbours_of_different_depths(int side)
    {
        // Coarse cell 3 of 8 was split, its neighbour on `side` was not; the metric is +1 on that side of cell 3 and −1
        // elsewhere, so the only straddle is between 3's child on that side and the larger neighbour, which must split.
        var sweep = Line(0.5, 4, 8, 3);
        var plan = new RefinementPlan(sweep);
        var lattice = new RefineLattice(sweep.Spec);
        var neighbour = 3 + side;
        var children = new[] { lattice.Root(3).Child(0), lattice.Root(3).Child(1) }.Select(lattice.IndexOf).ToList();
        var samples = Enumerable.Range(0, 8).Select(i => new RefineSample(i, (i - 3) * side > 0 ? 1.0 : -1.0, null))
            .Concat(children.Select(i => new RefineSample(i, -1.0, null)))
            .ToList();
        var next = plan.NextCells(samples);
        Assert.Equal(4, next.Count);
        Assert.All(new[] { lattice.Root(neighbour).Child(0), lattice.Root(neighbour).Child(1) }, k => Assert.Contains(lattice.IndexOf(k), next.Select(c => c.Cell.Index)));
        Assert.All(next.Where(c => c.Depth == 2), c => Assert.Equal(3, lattice.CoarseIndex(lattice.KeyOf(c.Cell.Index))));
        Assert.Equal(2, next.Count(c => c.Depth == 2));
    }

    private static RefineSample Sample(RefinedCell cell, Func<RefinedCell, (double? Mean, double? Sem)> field)
    {
        var (mean, sem) = field(cell);
        return new RefineSample(cell.Cell.Index, mean, sem);
    }
}
