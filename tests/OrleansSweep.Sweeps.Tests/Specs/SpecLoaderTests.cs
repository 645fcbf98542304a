using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class SpecLoaderTests
{
    [Fact]
    public void Reads_every_field_of_a_valid_spec()
    {
        var sweep = Parse(Gated);
        var spec = sweep.Spec;
        Assert.Equal("sample", spec.Name);
        Assert.Equal(ModelFamily.Gated, spec.Model);
        Assert.Equal(20, spec.N);
        Assert.Equal(2, spec.Realizations);
        Assert.Equal(5UL, spec.Seed);
        Assert.Equal(1.5, spec.Parameters["alphaZ"]);
        Assert.Equal(1, spec.Parameters["integrator"]);
        Assert.Equal(["gH", "alphaR"], spec.Grid.Select(a => a.Name));
        Assert.Equal(3, spec.Analyses.Lyapunov!.Exponents);
        Assert.NotNull(spec.Analyses.Theory);
        Assert.Null(spec.Analyses.Spectrum);
        Assert.Equal(6, sweep.CellCount);
    }

    [Fact]
    public void Leaves_out_optional_fields_at_their_defaults()
    {
        var json = """{ "name": "tiny", "model": "vanilla", "n": 10, "analyses": { "theory": {} } }""";
        var spec = Parse(json).Spec;
        Assert.Equal(SweepSpec.DefaultRealizations, spec.Realizations);
        Assert.Equal(SweepSpec.DefaultSeed, spec.Seed);
        Assert.Equal("out/tiny", spec.Output);
        Assert.Null(spec.MemoryLimitGb);
        Assert.Null(spec.Description);
        Assert.Empty(spec.Parameters);
        Assert.Empty(spec.Grid);
        Assert.Equal(1, spec.CellCount);
    }

    [Fact]
    public void Accepts_comments_trailing_commas_and_a_schema_hint()
    {
        var json = """
            {
              "$schema": "./sweep-spec.schema.json",
              // a hand-written spec
              "name": "commented", "model": "rate", "n": 10,
              "analyses": { "lyapunov": { "exponents": 2, }, },
            }
            """;
        Assert.Equal("commented", Parse(json).Spec.Name);
    }

    [Fact]
    public void Reports_malformed_json_at_the_document_with_its_position()
    {
        var error = SingleError("""{ "name": "x", "model": }""", "$");
        Assert.Contains("not valid JSON", error.Message);
        Assert.Contains("LineNumber", error.Message);
    }

    [Fact]
    public void Rejects_a_document_that_is_not_an_object()
    {
        var error = SingleError("[1, 2]", "$");
        Assert.Contains("an array", error.Message);
    }

    [Fact]
    public void Suggests_the_nearest_top_level_field()
    {
        var error = SingleError(With("realisations", "2"), "realisations");
        Assert.Contains("did you mean 'realizations'?", error.Message);
        Assert.Contains("rename it to 'realizations'", error.Fix);
    }

    [Fact]
    public void Reports_a_field_written_twice()
    {
        var json = Gated.Replace("\"seed\": 5,", "\"seed\": 5, \"seed\": 6,", StringComparison.Ordinal);
        var error = SingleError(json, "seed");
        Assert.Contains("twice", error.Message);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("model")]
    [InlineData("analyses")]
    [InlineData("n")]
    public void Requires_the_essential_fields(string field)
    {
        var error = SingleError(With(field, null), field);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Names_the_six_models_and_the_nearest_for_an_unknown_model()
    {
        var error = SingleError(With("model", "\"gatted\""), "model");
        Assert.Contains("did you mean 'gated'?", error.Message);
        foreach (var model in new[] { "vanilla", "rate", "minimal", "gru", "lstm", "gated" })
        {
            Assert.Contains(model, error.Fix);
        }
    }

    [Theory]
    [InlineData("n", "0")]
    [InlineData("n", "-3")]
    [InlineData("n", "2.5")]
    [InlineData("realizations", "0")]
    public void Rejects_counts_below_one_or_not_whole(string field, string value)
    {
        var error = SingleError(With(field, value), field);
        Assert.Contains("whole number", error.Fix);
    }

    [Fact]
    public void Reports_a_wrong_json_type_with_its_path_and_the_fix()
    {
        var error = SingleError(With("n", "\"60\""), "n");
        Assert.Contains("the string \"60\"", error.Message);
        Assert.Contains("remove the quotes", error.Fix);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"7\"")]
    public void Rejects_a_seed_that_is_not_a_64_bit_whole_number(string value) =>
        Assert.Contains("whole number", SingleError(With("seed", value), "seed").Message);

    [Fact]
    public void Accepts_the_largest_64_bit_seed() =>
        Assert.Equal(ulong.MaxValue, Parse(With("seed", "18446744073709551615")).Spec.Seed);

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"has space\"")]
    [InlineData("\"../escape\"")]
    public void Rejects_a_name_that_cannot_name_a_folder(string value) =>
        Assert.Contains("letters, digits", SingleError(With("name", value), "name").Fix);

    [Fact]
    public void Collects_every_error_instead_of_stopping_at_the_first()
    {
        var json = With("n", "0", With("realizations", "0", With("analyses.lyapunow", "{}")));
        var errors = Errors(json);
        Assert.Equal(["n", "realizations", "analyses.lyapunow"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Lists_every_problem_in_the_exception_message()
    {
        var exception = Assert.Throws<SpecValidationException>(() => Parse(With("n", "0", With("seed", "-1"))));
        Assert.Equal("test.json", exception.SourceName);
        Assert.Contains("2 problems", exception.Message);
        Assert.Contains("n:", exception.Message);
        Assert.Contains("seed:", exception.Message);
    }

    [Fact]
    public void Reports_an_unreadable_file_as_a_spec_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");
        var exception = Assert.Throws<SpecValidationException>(() => SpecLoader.Load(path, Laptop));
        Assert.Equal("$", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Loads_a_spec_from_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spec-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Gated);
        try
        {
            var sweep = SpecLoader.Load(path, Laptop);
            Assert.Equal(path, sweep.SourceName);
            Assert.Equal(Parse(Gated).Fingerprint, sweep.Fingerprint);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Rejects_a_non_positive_memory_limit() =>
        Assert.Contains("GiB", SingleError(With("memoryLimitGb", "0"), "memoryLimitGb").Fix);
}
