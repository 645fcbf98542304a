using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class InitialScalesTests
{
    [Fact]
    public void Reads_the_list_in_order()
    {
        var spec = Parse(With("analyses.lyapunov", """{ "exponents": 2, "initialScales": [1, 0.01] }"""));
        Assert.Equal([1.0, 0.01], spec.Spec.Analyses.Lyapunov!.InitialScales!);
        Assert.Equal([1.0, 0.01], spec.Spec.Analyses.Lyapunov!.ScalesToRun);
    }

    [Fact]
    public void Absent_knob_runs_the_single_scale_and_leaves_the_cell_id_unchanged()
    {
        var plain = new SweepGrid(Parse(Gated)).CellAt(0);
        var explicitDefault = new SweepGrid(Parse(With("analyses.lyapunov.initialScale", "1"))).CellAt(0);
        Assert.Null(plain.Analyses.Lyapunov!.InitialScales);
        Assert.Equal([1.0], plain.Analyses.Lyapunov.ScalesToRun);
        Assert.Equal(explicitDefault.CellId, plain.CellId);
        Assert.DoesNotContain("initialScales", CellIdentity.CanonicalText(plain.Family, plain.N, plain.Parameters, plain.Analyses, plain.Seed, plain.Realizations));
    }

    [Fact]
    public void Listed_scales_are_part_of_the_cell_id()
    {
        var plain = new SweepGrid(Parse(Gated)).CellAt(0);
        var two = new SweepGrid(Parse(With("analyses.lyapunov.initialScales", "[1, 0.01]"))).CellAt(0);
        var swapped = new SweepGrid(Parse(With("analyses.lyapunov.initialScales", "[0.01, 1]"))).CellAt(0);
        Assert.NotEqual(plain.CellId, two.CellId);
        Assert.NotEqual(two.CellId, swapped.CellId);
    }

    [Fact]
    public void Survives_the_canonical_round_trip()
    {
        var spec = Parse(With("analyses.lyapunov.initialScales", "[1, 0.01]"));
        var again = Parse(spec.CanonicalJson);
        Assert.Equal(spec.Fingerprint, again.Fingerprint);
        Assert.Equal([1.0, 0.01], again.Spec.Analyses.Lyapunov!.InitialScales!);
    }

    [Theory]
    [InlineData("[]", "analyses.lyapunov.initialScales")]
    [InlineData("[1, -0.5]", "analyses.lyapunov.initialScales[1]")]
    [InlineData("0.01", "analyses.lyapunov.initialScales")]
    public void Rejects_an_empty_negative_or_scalar_list_naming_the_field(string value, string field) =>
        SingleError(With("analyses.lyapunov.initialScales", value), field);

    [Fact]
    public void Rejects_initialScale_beside_initialScales()
    {
        var json = With("analyses.lyapunov", """{ "initialScale": 1, "initialScales": [1, 0.01] }""");
        var error = SingleError(json, "analyses.lyapunov.initialScales");
        Assert.Contains("initialScale", error.Fix, StringComparison.Ordinal);
    }
}
