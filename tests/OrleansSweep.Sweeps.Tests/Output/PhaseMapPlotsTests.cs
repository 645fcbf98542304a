using System.Xml.Linq;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Tests.Coordination;

namespace OrleansSweep.Sweeps.Tests.Output;

public sealed class PhaseMapPlotsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_one_axis_sweep_is_drawn_as_a_strip_with_one_rect_per_cell()
    {
        var plan = FakeCells.Plan(50, "unused");
        var map = PhaseMapBuilder.Build(plan, plan.Cells.Select(c => FakeCells.Result(c.Command)).ToList());

        var svg = PhaseMapPlots.Render(map, plan, "lyapunov_max");

        Assert.NotNull(svg);
        Assert.Equal(50, CellRects(svg));
    }

    [Fact]
    public void A_two_axis_sweep_has_one_rect_per_grid_point_and_slices_further_axes()
    {
        var plan = Grid(3, 4, 2);
        var map = PhaseMapBuilder.Build(plan, plan.Cells.Select(c => FakeCells.Result(c.Command)).ToList());

        var svg = PhaseMapPlots.Render(map, plan, "lyapunov_max", "a", "b");

        Assert.NotNull(svg);
        Assert.Equal(12, CellRects(svg));
        Assert.Contains("slice at", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_without_values_is_not_drawn()
    {
        var plan = FakeCells.Plan(5, "unused");
        var map = PhaseMapBuilder.Build(plan, plan.Cells.Select(c => FakeCells.Result(c.Command)).ToList());

        Assert.Null(PhaseMapPlots.Render(map, plan, "missing"));
        Assert.Null(PhaseMapPlots.Render(map, plan, "no_such_column"));
    }

    private static int CellRects(string svg) =>
        XDocument.Parse(svg).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "cells").Elements(Svg + "rect").Count();

    private static SweepPlan Grid(int nA, int nB, int nC)
    {
        var id = FakeCells.SweepIdFor("grid");
        var cells = new List<PlannedCell>();
        foreach (var a in Enumerable.Range(0, nA))
        {
            foreach (var b in Enumerable.Range(0, nB))
            {
                foreach (var c in Enumerable.Range(0, nC))
                {
                    var index = cells.Count;
                    cells.Add(new PlannedCell(new AnalyzeCell(id, $"cell-{index}", index, "{}"),
                        new Dictionary<string, double> { ["a"] = a, ["b"] = b, ["c"] = c }, 10, 1));
                }
            }
        }

        PlanAxis Axis(string name, int count) => new(name, Enumerable.Range(0, count).Select(i => (double)i).ToList(), false);
        return new SweepPlan(id, "grid", "grid", "rate", "{}", [Axis("a", nA), Axis("b", nB), Axis("c", nC)], cells, "unused");
    }
}
