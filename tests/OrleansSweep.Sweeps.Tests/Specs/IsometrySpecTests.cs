using OrleansSweep.Sweeps.Grid;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class IsometrySpecTests
{
    private const string Vanilla = """
        { "name": "iso", "model": "vanilla", "n": 50, "realizations": 1, "seed": 2,
          "parameters": { "sigmaV2": 0.05, "R": 1, "untied": true },
          "grid": { "sigmaW2": { "values": [1.5, 2.5] } },
          "analyses": { "theory": true } }
        """;

    [Fact]
    public void Reads_the_knobs_with_defaults()
    {
        var spec = Parse(With("analyses.isometry", """{ "steps": 20 }""", Vanilla));
        var isometry = spec.Spec.Analyses.Isometry!;
        Assert.Equal((20, 100, 400, 4), (isometry.Steps, isometry.TransientSteps, isometry.AveragingSteps, isometry.Samples));
        Assert.Equal(spec.Fingerprint, Parse(spec.CanonicalJson).Fingerprint);
    }

    [Fact]
    public void Leaves_the_cell_ids_of_specs_without_it_unchanged()
    {
        var cell = new SweepGrid(Parse(Vanilla)).CellAt(0);
        var text = CellIdentity.CanonicalText(cell.Family, cell.N, cell.Parameters, cell.Analyses, cell.Seed, cell.Realizations);
        Assert.DoesNotContain("isometry", text, StringComparison.Ordinal);
        Assert.NotEqual(cell.CellId, new SweepGrid(Parse(With("analyses.isometry", "{}", Vanilla))).CellAt(0).CellId);
    }

    [Fact]
    public void Rejects_a_flow_naming_the_analysis()
    {
        var error = SingleError(With("analyses.isometry", "true"), "analyses.isometry");
        Assert.Contains("vanilla, minimal, gru or lstm", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_zero_step_count() =>
        SingleError(With("analyses.isometry", """{ "steps": 0 }""", Vanilla), "analyses.isometry.steps");
}
