using System.Globalization;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Tests.Cells;

public class CellKeysTests
{
    private static CellDefinition Cell(IReadOnlyDictionary<string, double> parameters, int n = 2, AnalysisSettings? analyses = null) =>
        new("cell", 0, ModelFamily.Rate, n, parameters, parameters, analyses ?? new AnalysisSettings(Lyapunov: new LyapunovSettings()), 1, 1);

    [Fact]
    public void Names_the_model_n_and_every_parameter_in_ordinal_order_in_canonical_number_text()
    {
        // The shortest round-trip ("R") text, invariant culture, −0 written as 0: the text that seeded every network
        // drawn so far, so the networks (and the numbers of every stored sweep) stay the same.
        var parameters = new Dictionary<string, double> { ["g"] = 1.5, ["dt"] = 0.1, ["b"] = -0.0, ["a"] = 1e-7, ["Z"] = -2.25 };
        Assert.Equal("rate|n=20|Z=-2.25,a=1E-07,b=0,dt=0.1,g=1.5", CellKeys.NetworkKey(Cell(parameters, n: 20)));
    }

    [Fact]
    public void Is_the_same_under_another_culture()
    {
        var cell = Cell(new Dictionary<string, double> { ["g"] = 1.25, ["dt"] = 0.5 }, n: 1000);
        var reference = CellKeys.NetworkKey(cell);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(reference, CellKeys.NetworkKey(cell));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Ignores_the_analysis_knobs()
    {
        var parameters = new Dictionary<string, double> { ["g"] = 2 };
        var lyapunovOnly = Cell(parameters, analyses: new AnalysisSettings(Lyapunov: new LyapunovSettings()));
        var everything = Cell(parameters, analyses: new AnalysisSettings(
            Lyapunov: new LyapunovSettings { Exponents = 7 }, Spectrum: new SpectrumSettings(), FixedPoints: new FixedPointSettings(), Theory: new TheorySettings()));
        Assert.Equal(CellKeys.NetworkKey(lyapunovOnly), CellKeys.NetworkKey(everything));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    [InlineData(1e300)]
    [InlineData(-5e-324)]
    public void Tells_apart_parameters_one_ulp_apart(double g)
    {
        var next = Math.BitIncrement(g);
        Assert.NotEqual(
            CellKeys.NetworkKey(Cell(new Dictionary<string, double> { ["g"] = g })),
            CellKeys.NetworkKey(Cell(new Dictionary<string, double> { ["g"] = next })));
    }
}
