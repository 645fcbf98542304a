using System.Globalization;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class SpecFingerprintTests
{
    private static readonly string Reference = Parse(Gated).Fingerprint;

    [Fact]
    public void Is_32_lowercase_hex_characters() =>
        Assert.Matches("^[0-9a-f]{32}$", Reference);

    [Fact]
    public void Ignores_the_order_of_json_fields()
    {
        var reordered = """
            {
              "analyses": { "theory": true, "lyapunov": { "exponents": 3 } },
              "grid": {
                "gH": { "steps": 3, "to": 3, "from": 1 },
                "alphaR": { "values": [0, 5] }
              },
              "parameters": { "integrator": "rk4", "alphaZ": 1.5 },
              "seed": 5, "realizations": 2, "n": 20, "model": "gated", "name": "sample"
            }
            """;
        Assert.Equal(Reference, Parse(reordered).Fingerprint);
    }

    [Fact]
    public void Ignores_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(Reference, Parse(Gated).Fingerprint);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("name", "\"renamed\"")]
    [InlineData("description", "\"words\"")]
    [InlineData("output", "\"elsewhere\"")]
    [InlineData("memoryLimitGb", "4")]
    [InlineData("parameters.bZ", "0")]
    [InlineData("analyses.lyapunov.windows", "10")]
    [InlineData("analyses.theory", "{}")]
    [InlineData("grid.gH", """{ "values": [1, 2, 3] }""")]
    [InlineData("grid.gH.scale", "\"linear\"")]
    [InlineData("n", "20.0")]
    public void Does_not_change_with_what_leaves_the_numbers_alone(string path, string value) =>
        Assert.Equal(Reference, Parse(With(path, value)).Fingerprint);

    [Theory]
    [InlineData("n", "21")]
    [InlineData("seed", "6")]
    [InlineData("realizations", "3")]
    [InlineData("parameters.alphaZ", "1.5000000000000002")]
    [InlineData("parameters.integrator", "\"euler\"")]
    [InlineData("parameters.bZ", "0.1")]
    [InlineData("grid.gH.to", "4")]
    [InlineData("grid.alphaR.values", "[5, 0]")]
    [InlineData("analyses.lyapunov.exponents", "4")]
    [InlineData("analyses.lyapunov.twinCheck", "false")]
    [InlineData("analyses.spectrum", "{}")]
    [InlineData("analyses.theory", "false")]
    public void Changes_with_anything_that_changes_the_cells(string path, string value) =>
        Assert.NotEqual(Reference, Parse(With(path, value)).Fingerprint);

    [Fact]
    public void Changes_with_the_order_of_the_axes()
    {
        var swapped = With("grid", """{ "alphaR": { "values": [0, 5] }, "gH": { "from": 1, "to": 3, "steps": 3 } }""");
        Assert.NotEqual(Reference, Parse(swapped).Fingerprint);
    }

    [Fact]
    public void The_canonical_spec_is_a_spec_with_the_same_fingerprint()
    {
        var sweep = Parse(Gated);
        var again = Parse(sweep.CanonicalJson);
        Assert.Equal(sweep.Fingerprint, again.Fingerprint);
        Assert.Equal(sweep.CanonicalJson, again.CanonicalJson);
        Assert.Contains("\"output\": \"out/sample\"", sweep.CanonicalJson);
        Assert.Contains("\"tauR\": 1", sweep.CanonicalJson);
        Assert.Contains("\"integrator\": \"rk4\"", sweep.CanonicalJson);
        Assert.Contains("\"twinCheck\": true", sweep.CanonicalJson);
        Assert.DoesNotContain("\r", sweep.CanonicalJson);
    }
}
