using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

/// <summary>The spec's <c>disorder</c> field: networks per cell (the default) or shared by every cell (common random numbers).</summary>
public class DisorderSpecTests
{
    private static readonly string Shared = With("disorder", "\"shared\"");

    [Fact]
    public void Is_per_cell_unless_asked_and_a_per_cell_spec_keeps_its_fingerprint_and_cell_ids()
    {
        var absent = Parse(Gated);
        var explicitPerCell = Parse(With("disorder", "\"per-cell\""));

        Assert.Equal(Disorder.PerCell, absent.Spec.Disorder);
        Assert.Equal(absent.Fingerprint, explicitPerCell.Fingerprint);
        Assert.DoesNotContain("disorder", absent.CanonicalJson, StringComparison.Ordinal);
        Assert.All(SweepGrid.Expand(absent), cell => Assert.Equal(
            CellIdentity.Compute(cell.Family, cell.N, cell.Parameters, cell.Analyses, cell.Seed, cell.Realizations), cell.CellId));
    }

    [Fact]
    public void Shared_is_another_sweep_with_other_cell_ids_and_survives_the_canonical_form()
    {
        var perCell = Parse(Gated);
        var shared = Parse(Shared);
        var reparsed = Parse(shared.CanonicalJson);

        Assert.Equal(Disorder.Shared, shared.Spec.Disorder);
        Assert.NotEqual(perCell.Fingerprint, shared.Fingerprint);
        Assert.Equal(shared.Fingerprint, reparsed.Fingerprint); // the sweep grain stores and re-reads the canonical form
        Assert.Equal(Disorder.Shared, reparsed.Spec.Disorder);
        var perCellIds = SweepGrid.Expand(perCell).Select(c => c.CellId).ToHashSet();
        Assert.All(SweepGrid.Expand(shared), cell =>
        {
            Assert.Equal(Disorder.Shared, cell.Disorder);
            Assert.DoesNotContain(cell.CellId, perCellIds); // different numbers: never answered from a per-cell store
        });
    }

    [Fact]
    public void Shared_cells_of_one_n_draw_from_one_network_key_and_per_cell_ones_each_from_their_own()
    {
        var shared = SweepGrid.Expand(Parse(Shared)).Select(CellKeys.NetworkKey).Distinct().ToList();
        var perCell = SweepGrid.Expand(Parse(Gated)).Select(CellKeys.NetworkKey).Distinct().ToList();

        Assert.Equal(["gated|n=20"], shared);
        Assert.Equal(6, perCell.Count); // 3 × 2 cells
    }

    [Fact]
    public void Shared_keys_still_tell_sizes_apart_when_n_is_swept()
    {
        var json = With("grid", """{ "n": { "values": [10, 20] }, "gH": { "values": [1, 2] } }""", With("n", null, Shared));
        var keys = SweepGrid.Expand(Parse(json)).Select(CellKeys.NetworkKey).Distinct().Order().ToList();

        Assert.Equal(["gated|n=10", "gated|n=20"], keys);
    }

    [Theory]
    [InlineData("\"quenched\"")]
    [InlineData("\"Shared\"")]
    [InlineData("true")]
    public void Anything_else_is_an_error_that_names_both_values(string value)
    {
        var error = SingleError(With("disorder", value), "disorder");

        Assert.Contains("\"shared\"", error.Fix, StringComparison.Ordinal);
        Assert.Contains("\"per-cell\"", error.Message + error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cell_definition_carries_it_to_the_worker()
    {
        var cell = SweepGrid.Expand(Parse(Shared)).First();

        Assert.Equal(Disorder.Shared, CellCodec.Decode(CellCodec.Encode(cell)).Disorder);
    }
}
