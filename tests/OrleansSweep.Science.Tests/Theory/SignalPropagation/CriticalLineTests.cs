using OrleansSweep.Science.Theory.SignalPropagation;

namespace OrleansSweep.Science.Tests.Theory.SignalPropagation;

public class CriticalLineTests
{
    [Theory]
    [InlineData(1e-4, 1.086)]
    [InlineData(0.01, 1.424)]
    [InlineData(0.05, 1.761)]
    [InlineData(0.1, 1.986)]
    [InlineData(0.2, 2.285)]
    [InlineData(0.5, 2.843)]
    public void Vanilla_line_matches_the_brief_table(double sigmaBEff2, double expected)
    {
        var point = CriticalLine.VanillaSigmaW2(sigmaBEff2);
        Assert.Equal(AnalysisStatus.Converged, point.Outcome.Status);
        Assert.Equal(expected, point.Value, 0.002);
        var p = new CpsParameters(point.Value, SigmaB2: sigmaBEff2);
        Assert.Equal(1, VanillaMeanField.Chi1(p, VanillaMeanField.QStar(p)), 10);
    }

    [Fact]
    public void Vanilla_line_starts_at_unit_gain_without_bias()
    {
        Assert.Equal(1, CriticalLine.VanillaSigmaW2(0).Value);
        // The line is continuous there, approaching 1 like (σ_b,eff²)^(1/3) (0.086 at 1e-4 in the brief's table).
        var tiny = CriticalLine.VanillaSigmaW2(1e-9).Value - 1;
        var small = CriticalLine.VanillaSigmaW2(1e-6).Value - 1;
        Assert.InRange(tiny, 0, 0.005);
        Assert.InRange(small / tiny, 5, 20);
    }

    [Fact]
    public void Minimal_line_reproduces_case_20()
    {
        // §D case 20: σ_w²_c(μ_b = 2) = 14.23 at σ_v² = 1, σ_b² = 0, R = 1 (±1 %).
        var point = CriticalLine.MinimalSigmaW2(2.0);
        Assert.Equal(14.23, point.Value, 0.01 * 14.23);
        Assert.Equal(1, MinimalMeanField.Solve(new CpsParameters(point.Value, 1, 1, 0, 2)).Chi, 9);
    }

    [Fact]
    public void Minimal_line_has_a_minimum_at_moderate_positive_bias_mean()
    {
        // §B.7: σ_w²_c(μ_b) has a minimum at moderate positive μ_b. At μ_b = 6 the ordered region ends at a saddle-node jump
        // of χ across 1 (MeanFieldBranchesTests), not at a crossing: there the edge of the ordered region is the jump.
        var line = new[] { -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 6.0 }
            .Select(mu => CriticalLine.MinimalSigmaW2(mu))
            .Select(c => c.Outcome.Status == AnalysisStatus.Converged ? c.Value : c.JumpAt)
            .ToArray();
        Assert.All(line, value => Assert.True(double.IsFinite(value)));
        var argmin = Array.IndexOf(line, line.Min());
        Assert.InRange(argmin, 3, 5);
        Assert.True(line[0] > line[argmin] && line[^1] > line[argmin]);
    }
}
