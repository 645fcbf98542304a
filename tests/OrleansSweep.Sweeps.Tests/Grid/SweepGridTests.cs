using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Grid;

public class SweepGridTests
{
    [Fact]
    public void Expands_row_major_with_the_last_axis_fastest()
    {
        var cells = SweepGrid.Expand(Parse(Gated)).ToList();
        Assert.Equal(6, cells.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5], cells.Select(c => c.Index));
        Assert.Equal([1.0, 1.0, 2.0, 2.0, 3.0, 3.0], cells.Select(c => c.AxisValues["gH"]));
        Assert.Equal([0.0, 5.0, 0.0, 5.0, 0.0, 5.0], cells.Select(c => c.AxisValues["alphaR"]));
        Assert.All(cells, c => Assert.Equal(["gH", "alphaR"], c.AxisValues.Keys));
    }

    [Fact]
    public void Fills_every_parameter_with_fixed_swept_or_default_values()
    {
        var cell = new SweepGrid(Parse(Gated)).CellAt(3);
        Assert.Equal(ModelCatalog.ParametersOf(ModelFamily.Gated).Select(d => d.Name).Order(StringComparer.Ordinal), cell.Parameters.Keys);
        Assert.Equal(2.0, cell.Parameters["gH"]);
        Assert.Equal(5.0, cell.Parameters["alphaR"]);
        Assert.Equal(1.5, cell.Parameters["alphaZ"]);
        Assert.Equal(1.0, cell.Parameters["integrator"]);
        Assert.Equal(1.0, cell.Parameters["tauZ"]);
        Assert.Equal(0.05, cell.Parameters["dt"]);
        Assert.Equal((ModelFamily.Gated, 20, 60, 5UL, 2), (cell.Family, cell.N, cell.StateDimension, cell.Seed, cell.Realizations));
        Assert.Equal(3, cell.Analyses.Lyapunov!.Exponents);
    }

    [Fact]
    public void Numbers_cells_of_three_axes_in_mixed_radix()
    {
        var json = With("grid.bZ", """{ "values": [-1, 0, 1, 2] }""");
        var grid = new SweepGrid(Parse(json));
        Assert.Equal(3 * 2 * 4, grid.Count);
        for (var g = 0; g < 3; g++)
        {
            for (var a = 0; a < 2; a++)
            {
                for (var b = 0; b < 4; b++)
                {
                    var cell = grid.CellAt((((g * 2) + a) * 4) + b);
                    Assert.Equal((1.0 + g, 5.0 * a, b - 1.0), (cell.AxisValues["gH"], cell.AxisValues["alphaR"], cell.AxisValues["bZ"]));
                }
            }
        }
    }

    [Fact]
    public void A_spec_without_a_grid_is_one_cell()
    {
        var cell = Assert.Single(SweepGrid.Expand(Parse(With("grid", null))));
        Assert.Empty(cell.AxisValues);
        Assert.Equal(0, cell.Index);
        Assert.Equal(3.0, cell.Parameters["gH"]);
    }

    [Fact]
    public void Sweeps_n_as_an_axis()
    {
        var json = With("grid", """{ "n": { "values": [10, 30] }, "gH": { "values": [2, 4] } }""", With("n", null));
        var cells = SweepGrid.Expand(Parse(json)).ToList();
        Assert.Equal([10, 10, 30, 30], cells.Select(c => c.N));
        Assert.Equal([10.0, 10.0, 30.0, 30.0], cells.Select(c => c.AxisValues["n"]));
        Assert.All(cells, c => Assert.DoesNotContain("n", c.Parameters.Keys));
        Assert.Equal(cells.Count, cells.Select(c => c.CellId).Distinct().Count());
    }

    [Fact]
    public void Random_access_matches_enumeration()
    {
        var grid = new SweepGrid(Parse(Gated));
        var enumerated = grid.Cells().ToList();
        for (var i = 0; i < grid.Count; i++)
        {
            Assert.Equal(enumerated[i].CellId, grid.CellAt(i).CellId);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => grid.CellAt(grid.Count));
    }

    [Fact]
    public void Gives_every_cell_its_own_id()
    {
        var ids = SweepGrid.Expand(Parse(Gated)).Select(c => c.CellId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var cells = SweepGrid.Expand(Parse(Gated), cancellation.Token);
        using var enumerator = cells.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => enumerator.MoveNext());
    }

    [Fact]
    public void Exposes_the_axes_in_spec_order()
    {
        var grid = new SweepGrid(Parse(Gated));
        Assert.Equal(["gH", "alphaR"], grid.Axes.Select(a => a.Name));
        Assert.IsType<RangeAxis>(grid.Axes[0]);
    }
}
