using System.Text.Json;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Tests.Specs;

public sealed class SpecSchemaTests : IDisposable
{
    private readonly JsonDocument schema = JsonDocument.Parse(SpecSchema.Text);

    private JsonElement Root => schema.RootElement;

    public void Dispose() => schema.Dispose();

    [Fact]
    public void Is_the_embedded_copy_of_the_schema_file() =>
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("src", "OrleansSweep.Sweeps", "Specs", SpecSchema.FileName)), SpecSchema.Text);

    [Fact]
    public void Declares_draft_2020_12() =>
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Root.GetProperty("$schema").GetString());

    [Fact]
    public void Describes_exactly_the_top_level_fields_the_loader_reads()
    {
        var properties = Root.GetProperty("properties").EnumerateObject().ToList();
        string[] expected = [SpecReader.SchemaPropertyName, .. SpecReader.TopLevelNames];
        Assert.Equal(expected.Order(StringComparer.Ordinal), properties.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(properties.Where(p => p.Name != "analyses"), p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("description").GetString())));
    }

    [Fact]
    public void Lists_the_six_models()
    {
        var models = Root.GetProperty("properties").GetProperty("model").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(Enum.GetValues<ModelFamily>().Select(ModelCatalog.NameOf), models);
        foreach (var family in Enum.GetValues<ModelFamily>())
        {
            Assert.Contains($"\"{ModelCatalog.NameOf(family)}\"", SpecSchema.Text);
        }
    }

    [Fact]
    public void Lists_each_model_s_parameters_with_the_catalog_defaults_and_ranges()
    {
        var branches = Root.GetProperty("allOf").EnumerateArray()
            .Where(b => b.TryGetProperty("if", out _))
            .ToDictionary(b => b.GetProperty("if").GetProperty("properties").GetProperty("model").GetProperty("const").GetString()!);
        foreach (var family in Enum.GetValues<ModelFamily>())
        {
            var then = branches[ModelCatalog.NameOf(family)].GetProperty("then").GetProperty("properties");
            var parameters = then.GetProperty("parameters").GetProperty("properties");
            var definitions = ModelCatalog.ParametersOf(family);
            Assert.Equal(definitions.Select(d => d.Name), parameters.EnumerateObject().Select(p => p.Name));
            foreach (var definition in definitions)
            {
                var property = parameters.GetProperty(definition.Name);
                Assert.False(string.IsNullOrWhiteSpace(property.GetProperty("description").GetString()));
                var fallback = property.GetProperty("default");
                switch (definition.Kind)
                {
                    case ParameterKind.Flag:
                        Assert.Equal(definition.DefaultValue != 0, fallback.GetBoolean());
                        break;
                    case ParameterKind.Choice:
                        Assert.Equal(definition.Choices![(int)definition.DefaultValue], fallback.GetString());
                        Assert.Equal(definition.Choices, property.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
                        break;
                    default:
                        Assert.Equal(definition.DefaultValue, fallback.GetDouble());
                        AssertBound(definition.Minimum, property, "minimum", double.NegativeInfinity);
                        AssertBound(definition.Maximum, property, "maximum", double.PositiveInfinity);
                        break;
                }
            }

            var axes = then.GetProperty("grid").GetProperty("propertyNames").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
            Assert.Equal([.. definitions.Select(d => d.Name), SweepAxis.UnitCountName], axes);
        }
    }

    [Theory]
    [InlineData(AnalysisSettings.LyapunovName)]
    [InlineData(AnalysisSettings.SpectrumName)]
    [InlineData(AnalysisSettings.FixedPointsName)]
    [InlineData(AnalysisSettings.TheoryName)]
    [InlineData(AnalysisSettings.IsometryName)]
    public void Documents_every_knob_with_its_default(string analysis)
    {
        var definition = Root.GetProperty("$defs").GetProperty(analysis);
        Assert.False(string.IsNullOrWhiteSpace(definition.GetProperty("description").GetString()));
        var properties = definition.GetProperty("properties");
        var knobs = DefaultKnobs(analysis);
        // Every knob the reader accepts, in order; optional knobs without a default (lyapunov.initialScales) are
        // documented but listed in the canonical text only when set.
        Assert.Equal(AnalysisSettings.KnobNamesOf(analysis).Order(StringComparer.Ordinal), properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var knob in knobs)
        {
            var property = properties.GetProperty(knob.Name);
            Assert.False(string.IsNullOrWhiteSpace(property.GetProperty("description").GetString()));
            var fallback = property.GetProperty("default");
            switch (knob.Value)
            {
                case bool flag:
                    Assert.Equal(flag, fallback.GetBoolean());
                    break;
                case int whole:
                    Assert.Equal(whole, fallback.GetInt32());
                    Assert.Equal("integer", property.GetProperty("type").GetString());
                    break;
                case double real:
                    Assert.Equal(real, fallback.GetDouble());
                    break;
                case IReadOnlyList<double> list:
                    Assert.Equal(list, fallback.EnumerateArray().Select(e => e.GetDouble()));
                    break;
                default:
                    Assert.Fail($"Unexpected knob type {knob.Value.GetType()}.");
                    break;
            }

            Assert.Contains($"\"{knob.Name}\"", SpecSchema.Text);
        }
    }

    private static IReadOnlyList<Knob> DefaultKnobs(string analysis) => analysis switch
    {
        AnalysisSettings.LyapunovName => new LyapunovSettings().Knobs(),
        AnalysisSettings.SpectrumName => new SpectrumSettings().Knobs(),
        AnalysisSettings.IsometryName => new IsometrySettings().Knobs(),
        AnalysisSettings.FixedPointsName => new FixedPointSettings().Knobs(),
        _ => TheorySettings.Knobs(),
    };

    private static void AssertBound(double bound, JsonElement property, string keyword, double none)
    {
        if (bound == none)
        {
            Assert.False(property.TryGetProperty(keyword, out _), $"{keyword} should be absent");
        }
        else
        {
            Assert.Equal(bound, property.GetProperty(keyword).GetDouble());
        }
    }
}
