using OrleansSweep.Science.Models;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class ParameterValidationTests
{
    [Theory]
    [InlineData("alphaz", "alphaZ")]
    [InlineData("gh", "gH")]
    [InlineData("tauz", "tauZ")]
    [InlineData("intergrator", "integrator")]
    public void Suggests_the_nearest_parameter_of_the_model(string written, string nearest)
    {
        var error = SingleError(With($"parameters.{written}", "1"), $"parameters.{written}");
        Assert.Contains($"did you mean '{nearest}'?", error.Message);
        Assert.Contains($"rename it to '{nearest}'", error.Fix);
    }

    [Fact]
    public void Says_which_model_owns_a_parameter_of_another_model()
    {
        var error = SingleError(With("parameters.sigmaW2", "1"), "parameters.sigmaW2");
        Assert.Contains("not a parameter of the gated model", error.Message);
        Assert.Contains("vanilla", error.Message);
        Assert.Contains("minimal", error.Message);
    }

    [Fact]
    public void Lists_the_parameters_when_nothing_is_near()
    {
        var error = SingleError(With("parameters.temperature", "1"), "parameters.temperature");
        foreach (var definition in ModelCatalog.ParametersOf(ModelFamily.Gated))
        {
            Assert.Contains(definition.Name, error.Fix);
        }
    }

    [Fact]
    public void Names_a_negative_variance_as_a_variance()
    {
        var json = """{ "name": "v", "model": "vanilla", "n": 10, "parameters": { "sigmaW2": -0.5 }, "analyses": { "theory": true } }""";
        var error = SingleError(json, "parameters.sigmaW2");
        Assert.Contains("sigmaW2 is a variance and must be ≥ 0", error.Message);
        Assert.Contains("≥ 0", error.Fix);
    }

    [Theory]
    [InlineData("gH", "-1", "≥ 0")]
    [InlineData("dt", "2", "≤ 1")]
    [InlineData("tauZ", "0", "≥ 0.001")]
    public void Rejects_values_outside_the_parameter_range(string parameter, string value, string bound)
    {
        var error = SingleError(With($"parameters.{parameter}", value, With("grid", null)), $"parameters.{parameter}");
        Assert.Contains(bound, error.Message);
        Assert.Contains(bound, error.Fix);
    }

    [Fact]
    public void Reads_a_choice_by_its_name()
    {
        var spec = Parse(With("parameters.integrator", "\"euler\"")).Spec;
        Assert.Equal(0, spec.Parameters["integrator"]);
    }

    [Fact]
    public void Suggests_the_nearest_choice()
    {
        var error = SingleError(With("parameters.integrator", "\"rk5\""), "parameters.integrator");
        Assert.Contains("did you mean 'rk4'?", error.Message);
        Assert.Contains("\"euler\", \"rk4\"", error.Fix);
    }

    [Fact]
    public void Rejects_a_choice_given_as_its_index()
    {
        var error = SingleError(With("parameters.integrator", "1"), "parameters.integrator");
        Assert.Contains("is a choice", error.Message);
        Assert.Contains("in quotes", error.Fix);
    }

    [Fact]
    public void Reads_flags_as_true_or_false_only()
    {
        const string Vanilla = """{ "name": "v", "model": "vanilla", "n": 10, "analyses": { "theory": true } }""";
        Assert.Equal(1, Parse(With("parameters.untied", "true", Vanilla)).Spec.Parameters["untied"]);
        var error = SingleError(With("parameters.untied", "1", Vanilla), "parameters.untied");
        Assert.Contains("is a flag", error.Message);
        Assert.Contains("true or false", error.Fix);
    }

    [Fact]
    public void Rejects_a_number_written_as_a_string()
    {
        var error = SingleError(With("parameters.alphaZ", "\"2.5\""), "parameters.alphaZ");
        Assert.Contains("remove the quotes: 2.5", error.Fix);
    }

    [Fact]
    public void Rejects_a_number_that_overflows_to_infinity()
    {
        var error = SingleError(With("parameters.alphaZ", "1e400"), "parameters.alphaZ");
        Assert.Contains("not a finite number", error.Message);
    }

    [Fact]
    public void Points_n_in_parameters_to_the_top_level()
    {
        var error = SingleError(With("parameters.n", "30"), "parameters.n");
        Assert.Contains("top level", error.Fix);
    }

    [Fact]
    public void Skips_parameter_names_when_the_model_is_unknown()
    {
        var errors = Errors(With("model", "\"gatd\"", With("parameters.alphaz", "1")));
        Assert.Equal("model", Assert.Single(errors).Field);
    }
}
