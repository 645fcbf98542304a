using System.Globalization;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Grid;

public class CellIdentityTests
{
    private static readonly AnalysisSettings Analyses = new(
        Lyapunov: new LyapunovSettings(), Spectrum: new SpectrumSettings(), FixedPoints: new FixedPointSettings(), Theory: new TheorySettings());

    private static readonly IReadOnlyDictionary<string, double> Defaults = ModelCatalog.Resolve(ModelFamily.Gated, null);

    private static string Id(
        IReadOnlyDictionary<string, double>? parameters = null, int n = 20, AnalysisSettings? analyses = null, ulong seed = 1, int realizations = 2) =>
        CellIdentity.Compute(ModelFamily.Gated, n, parameters ?? Defaults, analyses ?? Analyses, seed, realizations);

    private static List<string> Ids(string json) => [.. SweepGrid.Expand(Parse(json)).Select(c => c.CellId)];

    [Fact]
    public void Is_32_lowercase_hex_characters() => Assert.Matches("^[0-9a-f]{32}$", Id());

    [Fact]
    public void Is_the_same_when_parsed_twice_reordered_or_under_another_culture()
    {
        var reference = Ids(Gated);
        Assert.Equal(reference, Ids(Gated));
        var reordered = """
            {
              "analyses": { "theory": true, "lyapunov": { "exponents": 3 } },
              "grid": { "gH": { "steps": 3, "from": 1, "to": 3 }, "alphaR": { "values": [0, 5] } },
              "parameters": { "integrator": "rk4", "alphaZ": 1.5 },
              "seed": 5, "realizations": 2, "n": 20, "model": "gated", "name": "other-name"
            }
            """;
        Assert.Equal(reference, Ids(reordered));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(reference, Ids(Gated));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Does_not_depend_on_the_axis_order_or_the_sweep()
    {
        var swapped = With("grid", """{ "alphaR": { "values": [5, 0] }, "gH": { "values": [3, 2, 1] } }""");
        Assert.Equal(Ids(Gated).Order(StringComparer.Ordinal), Ids(swapped).Order(StringComparer.Ordinal));

        // A cell of a one-point sweep is the same cell as in the full map.
        var single = With("grid", null, With("parameters.gH", "2", With("parameters.alphaR", "5")));
        Assert.Contains(Assert.Single(Ids(single)), Ids(Gated));
    }

    [Fact]
    public void Fills_defaults_so_writing_one_explicitly_changes_nothing()
    {
        Assert.Equal(Id(), Id(new Dictionary<string, double>()));
        Assert.Equal(Ids(Gated), Ids(With("parameters.tauZ", "1", With("analyses.lyapunov.windows", "10"))));
    }

    [Fact]
    public void Treats_minus_zero_as_zero() =>
        Assert.Equal(Id(), Id(new Dictionary<string, double> { ["bZ"] = -0.0 }));

    [Fact]
    public void Changes_with_every_parameter()
    {
        var ids = new HashSet<string> { Id() };
        foreach (var definition in ModelCatalog.ParametersOf(ModelFamily.Gated))
        {
            var changed = definition.Kind switch
            {
                ParameterKind.Real => definition.DefaultValue + 0.25,
                _ => 1 - definition.DefaultValue,
            };
            Assert.True(ids.Add(Id(new Dictionary<string, double> { [definition.Name] = changed })), definition.Name);
        }

        Assert.True(ids.Add(Id(new Dictionary<string, double> { ["gH"] = Math.BitIncrement(3.0) })), "one ulp of gH");
    }

    [Fact]
    public void Changes_with_n_seed_and_realizations()
    {
        string[] ids = [Id(), Id(n: 21), Id(seed: 2), Id(realizations: 3)];
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Changes_with_every_analysis_knob_and_switch()
    {
        AnalysisSettings[] variants =
        [
            Analyses,
            Analyses with { Lyapunov = new LyapunovSettings { Exponents = 11 } },
            Analyses with { Lyapunov = new LyapunovSettings { TransientTime = 101 } },
            Analyses with { Lyapunov = new LyapunovSettings { AveragingTime = 201 } },
            Analyses with { Lyapunov = new LyapunovSettings { OrthonormalizationInterval = 2 } },
            Analyses with { Lyapunov = new LyapunovSettings { InitialScale = 0.5 } },
            Analyses with { Lyapunov = new LyapunovSettings { Windows = 5 } },
            Analyses with { Lyapunov = new LyapunovSettings { TwinCheck = false } },
            Analyses with { Spectrum = new SpectrumSettings { Samples = 4 } },
            Analyses with { Spectrum = new SpectrumSettings { SampleInterval = 6 } },
            Analyses with { Spectrum = new SpectrumSettings { TransientTime = 99 } },
            Analyses with { Spectrum = new SpectrumSettings { SlowModeEpsilon = 0.02 } },
            Analyses with { Spectrum = new SpectrumSettings { AtFixedPoints = true } },
            Analyses with { FixedPoints = new FixedPointSettings { Starts = 129 } },
            Analyses with { FixedPoints = new FixedPointSettings { StartScales = [0.1, 2.0] } },
            Analyses with { FixedPoints = new FixedPointSettings { TrajectoryStartFraction = 0.25 } },
            Analyses with { FixedPoints = new FixedPointSettings { MaxIterations = 51 } },
            Analyses with { FixedPoints = new FixedPointSettings { ResidualTolerance = 1e-11 } },
            Analyses with { FixedPoints = new FixedPointSettings { DuplicateTolerance = 1e-7 } },
            Analyses with { Lyapunov = null },
            Analyses with { Spectrum = null },
            Analyses with { FixedPoints = null },
            Analyses with { Theory = null },
        ];
        var ids = variants.Select(a => Id(analyses: a)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Writes_a_canonical_text_with_choices_by_name_in_ordinal_order()
    {
        var text = CellIdentity.CanonicalText(ModelFamily.Gated, 20, new Dictionary<string, double> { ["integrator"] = 1, ["gH"] = 0.1 }, Analyses, 7, 2);
        var lines = text.Split('\n');
        Assert.Equal(CellIdentity.SchemaVersion, lines[0]);
        Assert.Contains("parameter integrator=rk4", lines);
        Assert.Contains("parameter gH=0.1", lines);
        Assert.Contains("seed=7", lines);
        var parameterLines = lines.Where(l => l.StartsWith("parameter ", StringComparison.Ordinal)).ToList();
        Assert.Equal(parameterLines.Order(StringComparer.Ordinal), parameterLines);
        Assert.Equal(ModelCatalog.ParametersOf(ModelFamily.Gated).Count, parameterLines.Count);
    }

    [Fact]
    public void Rejects_a_parameter_the_model_does_not_have() =>
        Assert.Throws<ArgumentException>(() => Id(new Dictionary<string, double> { ["sigmaW2"] = 1 }));
}
