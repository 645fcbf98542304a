using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.SignalPropagation;

namespace OrleansSweep.Science.Tests.Theory.SignalPropagation;

public class VanillaMeanFieldTests
{
    [Fact]
    public void Reproduces_case_17_in_the_ordered_phase()
    {
        // §D case 17: σ_w² = 1.5, σ_b² + σ_v²R = 0.05 → q* = 0.4180, χ_1 = 0.9386, ξ = 15.8 (MF to 1e-3).
        var result = VanillaMeanField.Solve(new CpsParameters(1.5, SigmaB2: 0.05));
        Assert.Equal(AnalysisStatus.Converged, result.Outcome.Status);
        Assert.Equal(0.4180, result.QStar, 1e-3);
        Assert.Equal(0.9386, result.Chi, 1e-3);
        Assert.Equal(15.8, result.Xi, 0.05);
        Assert.Equal(1, result.CStar);
        Assert.Equal(result.Chi, result.ChiC);
    }

    [Fact]
    public void Reproduces_case_18_in_the_chaotic_phase()
    {
        // §D case 18: σ_w² = 2.5, σ_b,eff² = 0.05 → c* = 0.4468, χ_c = 0.9187, ξ = 11.8.
        var result = VanillaMeanField.Solve(new CpsParameters(2.5, SigmaV2: 0.5, R: 0.1));
        Assert.True(result.Chi > 1);
        Assert.Equal(0.4468, result.CStar, 1e-3);
        Assert.Equal(0.9187, result.ChiC, 1e-3);
        Assert.Equal(11.8, result.Xi, 0.05);
    }

    [Theory]
    [InlineData(0.8, 0.0, 0.3)]
    [InlineData(1.5, 0.05, 0.0)]
    [InlineData(2.5, 0.05, 0.0)]
    [InlineData(4.0, 0.3, -0.7)]
    public void Fixed_points_satisfy_their_maps(double sigmaW2, double sigmaB2, double muB)
    {
        var p = new CpsParameters(sigmaW2, SigmaB2: sigmaB2, MuB: muB);
        var result = VanillaMeanField.Solve(p);
        Assert.Equal(result.QStar, VanillaMeanField.VarianceMap(result.QStar, p), 11);
        Assert.Equal(result.CStar, VanillaMeanField.CorrelationMap(result.CStar, result.QStar, p), 10);
        Assert.True(result.ChiC < 1, "c* must be the stable fixed point");
    }

    [Theory]
    [InlineData(1.2, 0.1)]
    [InlineData(3.0, 0.01)]
    public void Chi_1_is_the_slope_of_the_correlation_map_at_one(double sigmaW2, double sigmaB2)
    {
        var p = new CpsParameters(sigmaW2, SigmaB2: sigmaB2);
        var q = VanillaMeanField.QStar(p);
        const double h = 1e-5;
        var slope = (VanillaMeanField.CorrelationMap(1, q, p) - VanillaMeanField.CorrelationMap(1 - h, q, p)) / h;
        Assert.Equal(VanillaMeanField.Chi1(p, q), slope, 4);
    }

    [Fact]
    public void Without_bias_the_state_decays_to_zero_below_unit_gain()
    {
        var ordered = VanillaMeanField.Solve(new CpsParameters(0.7));
        Assert.Equal(0, ordered.QStar);
        Assert.Equal(0.7, ordered.Chi, 12);
        var chaotic = VanillaMeanField.Solve(new CpsParameters(1.7));
        Assert.True(chaotic.QStar > 0);
        Assert.Equal(0, chaotic.CStar);
        var inputOnly = VanillaMeanField.Solve(new CpsParameters(0, SigmaB2: 0.3));
        Assert.Equal(0.3, inputOnly.QStar);
        Assert.Equal(0, inputOnly.Chi);
    }

    [Fact]
    public void Timescale_diverges_approaching_the_critical_line_from_both_sides()
    {
        var critical = CriticalLine.VanillaSigmaW2(0.05).Value;
        var xi = new[] { 1e-1, 1e-2, 1e-3, 1e-4 }
            .Select(d => (Below: VanillaMeanField.Solve(new CpsParameters(critical - d, SigmaB2: 0.05)).Xi,
                          Above: VanillaMeanField.Solve(new CpsParameters(critical + d, SigmaB2: 0.05)).Xi))
            .ToArray();
        for (var i = 1; i < xi.Length; i++)
        {
            Assert.True(xi[i].Below > 5 * xi[i - 1].Below, "ξ ∝ 1/|σ_w² − σ_w²_c| below the line");
            Assert.True(xi[i].Above > 5 * xi[i - 1].Above, "and above it");
        }

        Assert.True(xi[^1].Below > 1e4 && xi[^1].Above > 1e4);
        Assert.Equal(double.PositiveInfinity, SignalPropagationResult.Timescale(1.0));
    }

    [Fact]
    public void Fast_kernels_agree_with_a_fine_generic_rule()
    {
        var p = new CpsParameters(2.5, SigmaB2: 0.05);
        var q = VanillaMeanField.QStar(p);
        var fine = StandardNormalRule.WithStep(0.005);
        var chi = p.SigmaW2 * GaussianExpectation.Of(x => Math.Pow(Math.Cosh(x), -4), 0, q, fine);
        Assert.Equal(chi, VanillaMeanField.Chi1(p, q), 10);
    }
}
