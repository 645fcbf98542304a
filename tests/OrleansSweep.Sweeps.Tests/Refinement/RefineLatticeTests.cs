using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Tests.Refinement;

public class RefineLatticeTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 3)]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    public void Numbers_every_possible_cell_once_up_to_the_worst_case_count(int axes, int depth)
    {
        // Enumerate the complete trees (every cell split to the depth) and compare with the closed form.
        var sweep = axes == 1
            ? RefineHarness.Line(-1, 1, 5, depth)
            : RefineHarness.Square(-1, 1, 3, depth);
        var lattice = new RefineLattice(sweep.Spec);
        var indices = new List<int>();
        for (var coarse = 0; coarse < lattice.CoarseCount; coarse++)
        {
            var stack = new Stack<NodeKey>([lattice.Root(coarse)]);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                indices.Add(lattice.IndexOf(node));
                Assert.Equal(node, lattice.KeyOf(lattice.IndexOf(node)));
                for (var digit = 0; node.Depth < depth && digit < lattice.Children; digit++)
                {
                    stack.Push(node.Child(digit));
                }
            }
        }

        var worst = sweep.Spec.Refine!.WorstCaseCellCount(lattice.CoarseCount);
        Assert.Equal(worst, indices.Count);
        Assert.Equal(Enumerable.Range(0, (int)worst), indices.Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => lattice.KeyOf((int)worst));
    }

    [Fact]
    public void Coarse_extents_tile_the_range_and_children_halve_their_parent()
    {
        var plan = new RefinementPlan(RefineHarness.Line(0.5, 4, 8, 3));
        var coarse = Enumerable.Range(0, plan.CoarseCellCount).Select(plan.CellAt).ToList();
        Assert.Equal(0.5, coarse[0].Extents[0].Lower);
        Assert.Equal(4, coarse[^1].Extents[0].Upper);
        for (var i = 1; i < coarse.Count; i++)
        {
            Assert.Equal(coarse[i - 1].Extents[0].Upper, coarse[i].Extents[0].Lower);
        }

        var lattice = new RefineLattice(RefineHarness.Line(0.5, 4, 8, 3).Spec);
        var parent = lattice.Root(3).Child(1);
        var (low, high) = (plan.CellAt(lattice.IndexOf(parent.Child(0))), plan.CellAt(lattice.IndexOf(parent.Child(1))));
        var whole = plan.CellAt(lattice.IndexOf(parent));
        Assert.Equal(whole.Extents[0].Lower, low.Extents[0].Lower);
        Assert.Equal(low.Extents[0].Upper, high.Extents[0].Lower);
        Assert.Equal(whole.Extents[0].Upper, high.Extents[0].Upper);
        Assert.Equal((low.Extents[0].Lower + low.Extents[0].Upper) / 2, low.Cell.AxisValues["bZ"], 14);
        Assert.Equal(2, low.Depth);
    }

    [Fact]
    public void Halves_a_log_axis_in_the_logarithm()
    {
        // gH from 0.5 to 8 on a log scale: a child's value is the geometric mean of its bounds.
        var sweep = RefineHarness.Line(0.5, 8, 5, 2, "log", "gH");
        var plan = new RefinementPlan(sweep);
        var lattice = new RefineLattice(sweep.Spec);
        var child = plan.CellAt(lattice.IndexOf(lattice.Root(2).Child(1).Child(0)));
        var extent = child.Extents[0];
        Assert.Equal(Math.Sqrt(extent.Lower * extent.Upper), child.Cell.AxisValues["gH"], 12);
        Assert.Equal(Math.Sqrt(2.0 * 4.0), plan.CellAt(2).Extents[0].Upper, 12);
    }
}
