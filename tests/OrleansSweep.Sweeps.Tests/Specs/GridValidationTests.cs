using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class GridValidationTests
{
    [Fact]
    public void Reads_ranges_and_value_lists()
    {
        var grid = Parse(Gated).Spec.Grid;
        Assert.Equal(new RangeAxis("gH", 1, 3, 3, AxisScale.Linear), grid[0]);
        Assert.Equal(new ValuesAxis("alphaR", [0.0, 5.0]), grid[1]);
    }

    [Fact]
    public void Rejects_a_parameter_both_fixed_and_swept()
    {
        var error = SingleError(With("parameters.gH", "2"), "grid.gH");
        Assert.Contains("both fixed", error.Message);
        Assert.Contains("remove parameters.gH", error.Fix);
    }

    [Fact]
    public void Rejects_n_both_fixed_and_swept()
    {
        var error = SingleError(With("grid.n", """{ "values": [10, 20] }"""), "grid.n");
        Assert.Contains("remove the top-level n", error.Fix);
    }

    [Fact]
    public void Suggests_the_nearest_parameter_for_a_misspelled_axis()
    {
        var error = SingleError(With("grid.alphar", """{ "values": [1] }""", With("grid.alphaR", null)), "grid.alphar");
        Assert.Contains("did you mean 'alphaR'?", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Rejects_a_range_without_points(string steps)
    {
        var error = SingleError(With("grid.gH.steps", steps), "grid.gH.steps");
        Assert.Contains("no points", error.Message);
        Assert.Contains("steps ≥ 1", error.Fix);
    }

    [Fact]
    public void Rejects_an_empty_value_list()
    {
        var error = SingleError(With("grid.alphaR.values", "[]"), "grid.alphaR.values");
        Assert.Contains("no points", error.Message);
    }

    [Fact]
    public void Rejects_one_step_between_different_ends()
    {
        var error = SingleError(With("grid.gH.steps", "1"), "grid.gH.steps");
        Assert.Contains("set to equal to from", error.Fix);
    }

    [Fact]
    public void Accepts_one_step_when_the_ends_agree() =>
        Assert.Equal(1, Parse(With("grid.gH", """{ "from": 2, "to": 2, "steps": 1 }""")).Spec.Grid[0].Count);

    [Fact]
    public void Rejects_several_steps_on_a_single_point()
    {
        var error = SingleError(With("grid.gH", """{ "from": 2, "to": 2, "steps": 4 }"""), "grid.gH.steps");
        Assert.Contains("the same cell", error.Message);
    }

    [Fact]
    public void Accepts_a_descending_range_in_the_order_written()
    {
        var axis = Parse(With("grid.gH", """{ "from": 3, "to": 1, "steps": 3 }""")).Spec.Grid[0];
        Assert.Equal([3.0, 2.0, 1.0], axis.Points());
    }

    [Theory]
    [InlineData("0", "from")]
    [InlineData("-1", "from")]
    public void Rejects_a_log_range_that_does_not_stay_positive(string from, string end)
    {
        var axis = $$"""{ "from": {{from}}, "to": 4, "steps": 3, "scale": "log" }""";
        var error = SingleError(With("grid.gH", axis), $"grid.gH.{end}");
        Assert.Contains("log scale", error.Message);
        Assert.Contains("\"scale\": \"linear\"", error.Fix);
    }

    [Fact]
    public void Suggests_the_nearest_scale()
    {
        var error = SingleError(With("grid.gH.scale", "\"logarithmic\""), "grid.gH.scale");
        Assert.Contains("\"linear\" or \"log\"", error.Fix);
    }

    [Fact]
    public void Checks_axis_ends_against_the_parameter_range()
    {
        var error = SingleError(With("grid.gH.from", "-1"), "grid.gH.from");
        Assert.Contains("gH must be ≥ 0", error.Message);
    }

    [Fact]
    public void Names_a_negative_variance_on_an_axis()
    {
        var json = """{ "name": "v", "model": "vanilla", "n": 10, "grid": { "sigmaB2": { "values": [0, -0.1] } }, "analyses": { "theory": true } }""";
        var error = SingleError(json, "grid.sigmaB2.values[1]");
        Assert.Contains("sigmaB2 is a variance", error.Message);
    }

    [Fact]
    public void Suggests_the_nearest_axis_field()
    {
        var error = SingleError(With("grid.gH", """{ "from": 1, "to": 3, "step": 3 }"""), "grid.gH.step");
        Assert.Contains("did you mean 'steps'?", error.Message);
    }

    [Fact]
    public void Rejects_an_axis_that_mixes_a_range_and_values()
    {
        var error = SingleError(With("grid.gH.values", "[1, 2]"), "grid.gH");
        Assert.Contains("either", error.Fix);
    }

    [Fact]
    public void Rejects_repeated_values()
    {
        var error = SingleError(With("grid.alphaR.values", "[0, 5, 0]"), "grid.alphaR.values[2]");
        Assert.Contains("repeats grid.alphaR.values[0]", error.Message);
    }

    [Fact]
    public void Sweeps_a_choice_by_its_names_but_not_as_a_range()
    {
        var swept = Parse(With("grid.integrator", """{ "values": ["euler", "rk4"] }""", With("parameters.integrator", null)));
        Assert.Equal([0.0, 1.0], swept.Spec.Grid[2].Points());

        var error = SingleError(With("grid.integrator", """{ "from": 0, "to": 1, "steps": 2 }""", With("parameters.integrator", null)), "grid.integrator");
        Assert.Contains("\"values\": [\"euler\", \"rk4\"]", error.Fix);
    }

    [Fact]
    public void Sweeps_n_with_whole_numbers()
    {
        var spec = Parse(With("grid.n", """{ "from": 10, "to": 40, "steps": 4 }""", With("n", null))).Spec;
        Assert.Equal([10.0, 20.0, 30.0, 40.0], spec.UnitCountAxis!.Points());
        Assert.Null(spec.N);
        Assert.Equal(10, spec.SmallestN);
        Assert.Equal(40, spec.LargestN);
    }

    [Fact]
    public void Rejects_an_n_range_that_falls_between_whole_numbers()
    {
        var error = SingleError(With("grid.n", """{ "from": 10, "to": 20, "steps": 4 }""", With("n", null)), "grid.n");
        Assert.Contains("not a whole number", error.Message);
        Assert.Contains("list the values", error.Fix);
    }

    [Theory]
    [InlineData("[10, 12.5]", "grid.n.values[1]")]
    [InlineData("[0, 10]", "grid.n.values[0]")]
    public void Rejects_n_values_that_are_not_whole_and_positive(string values, string field) =>
        SingleError(With("grid.n", $$"""{ "values": {{values}} }""", With("n", null)), field);

    [Fact]
    public void Rejects_more_than_a_million_cells()
    {
        var json = With("grid.gH", """{ "from": 0.5, "to": 4, "steps": 1000 }""", With("grid.alphaR", """{ "from": 0, "to": 10, "steps": 1001 }"""));
        var error = SingleError(json, "grid");
        Assert.Contains("1,001,000 cells", error.Message);
        Assert.Contains("split", error.Fix);
    }
}
