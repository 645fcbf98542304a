using System.Text.Json;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class RefineSpecTests
{
    private const string Block = """{ "metric": "lyapunov_max", "level": 0, "depth": 3 }""";

    private static string Refined(string? path = null, string? value = null)
    {
        var json = With("refine", Block);
        return path is null ? json : With(path, value, json);
    }

    [Fact]
    public void Reads_the_block_with_its_defaults()
    {
        var refine = Parse(With("refine", """{ "metric": "lyapunov_max", "level": 0 }""")).Spec.Refine;
        Assert.Equal(new RefineSettings("lyapunov_max", 0, RefineSettings.DefaultDepth, ["gH", "alphaR"], RefineSettings.DefaultSigmas), refine);
        Assert.Null(Parse(Gated).Spec.Refine);
    }

    [Fact]
    public void Keeps_the_refined_axes_in_grid_order() =>
        Assert.Equal(["gH", "alphaR"], Parse(Refined("refine.axes", """["alphaR", "gH"]""")).Spec.Refine!.Axes);

    [Fact]
    public void Suggests_the_nearest_metric()
    {
        var error = SingleError(Refined("refine.metric", "\"lyapunov_mx\""), "refine.metric");
        Assert.Contains("did you mean 'lyapunov_max'?", error.Message);
        Assert.Contains("write 'lyapunov_max'", error.Fix);
    }

    [Fact]
    public void Accepts_theory_columns_and_bistable()
    {
        Assert.Equal("theory_g_c", Parse(Refined("refine.metric", "\"theory_g_c\"")).Spec.Refine!.Metric);
        Assert.Equal("bistable", Parse(Refined("refine.metric", "\"bistable\"")).Spec.Refine!.Metric);
    }

    [Fact]
    public void Rejects_a_metric_whose_analysis_is_off()
    {
        var error = SingleError(Refined("refine.metric", "\"spectral_abscissa\""), "refine.metric");
        Assert.Contains("spectrum analysis, which is off", error.Message);
        Assert.Contains("\"spectrum\": {}", error.Fix);
    }

    [Theory]
    [InlineData("9", "at most 8")]
    [InlineData("-1", "at least 0")]
    [InlineData("2.5", "whole number")]
    public void Rejects_a_depth_outside_0_to_8(string depth, string message) =>
        Assert.Contains(message, SingleError(Refined("refine.depth", depth), "refine.depth").Message);

    [Fact]
    public void Requires_the_metric_and_the_level()
    {
        var errors = Errors(With("refine", """{ "depth": 2 }"""));
        Assert.Equal(["refine.metric", "refine.level"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Suggests_the_nearest_field()
    {
        var error = SingleError(Refined("refine.lvel", "1"), "refine.lvel");
        Assert.Contains("did you mean 'level'?", error.Message);
    }

    [Fact]
    public void Suggests_the_nearest_grid_axis()
    {
        var error = SingleError(Refined("refine.axes", """["alphar"]"""), "refine.axes[0]");
        Assert.Contains("not a grid axis; did you mean 'alphaR'?", error.Message);
    }

    [Fact]
    public void Rejects_an_axis_with_fewer_than_two_points()
    {
        var error = SingleError(Refined("grid.alphaR.values", "[5]"), "refine");
        Assert.Contains("grid.alphaR has 1 point", error.Message);
        Assert.Contains("at least 2 points", error.Fix);
    }

    [Fact]
    public void Rejects_values_out_of_order()
    {
        var error = SingleError(Refined("grid.alphaR.values", "[0, 5, 2]"), "refine");
        Assert.Contains("out of order", error.Message);
        Assert.Contains("sort grid.alphaR.values", error.Fix);
    }

    [Fact]
    public void Rejects_refining_n_or_a_choice()
    {
        var units = With("n", null, With("grid.n", """{ "values": [10, 20] }""", Refined("refine.axes", """["n"]""")));
        Assert.Contains("no networks between", SingleError(units, "refine.axes[0]").Message);
        var choice = With("parameters.integrator", null, With("grid.integrator", """{ "values": ["euler", "rk4"] }""", Refined("refine.axes", """["integrator"]""")));
        Assert.Contains("is a choice", SingleError(choice, "refine.axes[0]").Message);
    }

    [Fact]
    public void Asks_which_axes_to_refine_on_a_three_axis_grid()
    {
        var error = SingleError(Refined("grid.bR", """{ "values": [0, -2] }"""), "refine.axes");
        Assert.Contains("3 axes", error.Message);
        Assert.Contains("\"axes\": [\"gH\", \"alphaR\"]", error.Fix);
        Assert.Equal(["gH", "alphaR"], Parse(With("refine.axes", """["gH", "alphaR"]""", Refined("grid.bR", """{ "values": [0, -2] }"""))).Spec.Refine!.Axes);
    }

    [Fact]
    public void Rejects_a_worst_case_beyond_the_cell_indices()
    {
        var big = With("grid", """{ "bZ": { "from": 0, "to": 1, "steps": 1000 }, "bR": { "from": 0, "to": 1, "steps": 1000 } }""", Refined("refine.depth", "8"));
        var error = SingleError(big, "refine.depth");
        Assert.Contains("worst case", error.Message);

        // 10⁶ coarse cells: depth 5 allows 10⁶ · (1 + 4 + … + 4⁵) = 1.365e9 ≤ 2³¹ − 1 cells, depth 6 allows 5.46e9.
        Assert.Contains("use depth ≤ 5", error.Fix);
    }

    [Fact]
    public void Reports_the_worst_case_cell_count()
    {
        // 3 × 2 coarse cells, two axes, depth 3: 6 · (1 + 4 + 16 + 64) = 510.
        var sweep = Parse(Refined());
        Assert.Equal(510, sweep.Spec.Refine!.WorstCaseCellCount(sweep.CellCount));
        Assert.Equal(510, new RefinementPlan(sweep).WorstCaseCellCount);
        Assert.Contains("at most 510 cells (6 coarse, 4 children per split)", sweep.Spec.Refine.Describe(sweep.CellCount));
    }

    [Fact]
    public void Enters_the_fingerprint_but_not_the_coarse_cell_ids()
    {
        var plain = Parse(Gated);
        var refined = Parse(Refined());
        Assert.NotEqual(plain.Fingerprint, refined.Fingerprint);
        Assert.NotEqual(refined.Fingerprint, Parse(Refined("refine.level", "0.1")).Fingerprint);
        Assert.Equal(SweepGrid.Expand(plain).Select(c => c.CellId), SweepGrid.Expand(refined).Select(c => c.CellId));
        Assert.Equal(SweepGrid.Expand(plain).Select(c => c.CellId), new RefinementPlan(refined).NextCells([]).Select(c => c.Cell.CellId));
        Assert.DoesNotContain("refine", plain.CanonicalJson);
    }

    [Fact]
    public void The_canonical_spec_keeps_the_block_and_its_fingerprint()
    {
        var sweep = Parse(Refined("refine.axes", """["alphaR", "gH"]"""));
        var again = Parse(sweep.CanonicalJson);
        Assert.Equal(sweep.Fingerprint, again.Fingerprint);
        Assert.Equal(sweep.Spec.Refine, again.Spec.Refine);
        Assert.Equal(sweep.Fingerprint, Parse(With("refine.sigmas", "2", Refined())).Fingerprint);
    }

    [Fact]
    public void The_schema_documents_every_field_of_the_block()
    {
        using var schema = JsonDocument.Parse(SpecSchema.Text);
        var properties = schema.RootElement.GetProperty("$defs").GetProperty("refine").GetProperty("properties");
        Assert.Equal(RefineSettings.KnobNames, properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(RefineSettings.MaxDepth, properties.GetProperty("depth").GetProperty("maximum").GetInt32());
        Assert.Equal(RefineSettings.DefaultDepth, properties.GetProperty("depth").GetProperty("default").GetInt32());
        Assert.Equal(RefineSettings.DefaultSigmas, properties.GetProperty("sigmas").GetProperty("default").GetDouble());
    }
}
