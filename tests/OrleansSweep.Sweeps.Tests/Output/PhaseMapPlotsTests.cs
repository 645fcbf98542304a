using System.Xml.Linq;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;

namespace OrleansSweep.Sweeps.Tests.Output;

public sealed class PhaseMapPlotsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_one_axis_sweep_is_drawn_as_a_line_plot_with_one_point_per_cell_and_no_heat_map()
    {
        var plan = FakeCells.Plan(50, "unused");
        var results = plan.Cells.Select(c => FakeCells.Result(c.Command, c.Command.CellIndex == 7 ? "failed" : "ok")).ToList();
        var map = PhaseMapBuilder.Build(plan, results);

        var svg = PhaseMapPlots.Render(map, plan, "lyapunov_max");

        Assert.NotNull(svg);
        var doc = XDocument.Parse(svg);
        Assert.DoesNotContain(doc.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "cells");
        Assert.Equal(50, Group(doc, "points").Elements(Svg + "circle").Count());
        Assert.Single(Group(doc, "failed").Elements(Svg + "path"));
        Assert.NotEmpty(Group(doc, "measured").Elements(Svg + "polyline"));
    }

    [Fact]
    public void A_one_axis_line_plot_draws_the_sem_bars_and_the_theory_column_beside_the_measurement()
    {
        var plan = FakeCells.Plan(6, "unused");
        var results = plan.Cells.Select(c => FakeCells.Result(c.Command) with
        {
            Metrics = new Dictionary<string, double?> { ["lyapunov_max"] = c.Command.CellIndex - 2.5, ["lyapunov_max_sem"] = 0.1, ["theory_lyapunov_max"] = c.Command.CellIndex - 2.0 },
        }).ToList();
        var map = PhaseMapBuilder.Build(plan, results);

        var doc = XDocument.Parse(PhaseMapPlots.Render(map, plan, "lyapunov_max")!);

        Assert.Equal(18, Group(doc, "points").Elements(Svg + "line").Count(l => (string?)l.Attribute("class") == "sem"));
        Assert.Single(Group(doc, "theory").Elements(Svg + "polyline"));
        Assert.Single(doc.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "zero");
    }

    [Fact]
    public void A_single_cell_is_not_drawn_as_a_full_size_picture()
    {
        var plan = FakeCells.Plan(1, "unused");
        var map = PhaseMapBuilder.Build(plan, [FakeCells.Result(plan.Cells[0].Command)]);

        Assert.Null(PhaseMapPlots.Render(map, plan, "lyapunov_max"));
    }

    [Fact]
    public void Sweep_and_model_names_are_drawn_as_written_without_subscripts()
    {
        var plan = Grid(3, 2, 1) with { Name = "phase_map_test" };
        var map = PhaseMapBuilder.Build(plan, plan.Cells.Select(c => FakeCells.Result(c.Command)).ToList());

        var doc = XDocument.Parse(PhaseMapPlots.Render(map, plan, "lyapunov_max")!);

        var title = doc.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "title");
        Assert.DoesNotContain(title.Elements(Svg + "tspan"), t => t.Value.StartsWith("map", StringComparison.Ordinal));
        Assert.StartsWith("phase_map_test: ", title.Value, StringComparison.Ordinal);
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

    private static XElement Group(XDocument doc, string name) =>
        doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == name);

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
