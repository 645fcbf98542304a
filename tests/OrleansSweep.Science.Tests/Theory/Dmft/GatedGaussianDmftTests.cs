using OrleansSweep.Science.Theory.Dmft;

namespace OrleansSweep.Science.Tests.Theory.Dmft;

public class GatedGaussianDmftTests
{
    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Reproduces_case_4()
    {
        // §D case 4: α_z = α_r = 0, biases 0, g_h = 4 → ⟨h²⟩ = 0.1203, λ_max = 0.0562 (exact reduction).
        var solution = GatedGaussianDmft.Solve(4, 0, 0, 0);
        Assert.Equal(0.1203, solution.Delta0, 0.1203 * 1e-3);
        Assert.Equal(0.0562, solution.LyapunovMax, 1e-4);
    }

    [Theory]
    [InlineData(3.0, 0.5, -1.0)]
    [InlineData(5.0, -0.5, 1.0)]
    [InlineData(2.5, 0.0, 0.0)]
    public void Without_the_r_gate_it_is_scs_with_rescaled_gain_and_time(double gH, double bR, double bZ)
    {
        // §A.2: g = g_h σ(b_r), ⟨h²⟩ = Δ_SCS/g_h², λ = σ(b_z)λ_SCS.
        var gated = GatedGaussianDmft.Solve(gH, 0, bR, bZ);
        var scs = ScsDmft.Solve(gH * Logistic(bR));
        Assert.Equal(scs.Delta0 / (gH * gH), gated.Delta0, 10);
        Assert.Equal(Logistic(bZ) * scs.LyapunovMax, gated.LyapunovMax, 9);
    }

    [Theory]
    [InlineData(3.0, 10.0, 0.0)]
    [InlineData(4.0, 10.0, -2.0)]
    [InlineData(3.0, 5.0, 1.0)]
    public void Gate_term_of_the_potential_is_consistent_with_the_force(double gH, double alphaR, double bR)
    {
        // K = dν/dΔ makes Δ' an exact level at −1 (as for SCS) only if the α_r² term of K (§B.4) is right.
        var solution = GatedGaussianDmft.Solve(gH, alphaR, bR, 0);
        Assert.True(solution.IsChaotic);
        Assert.Equal(-1, solution.ZeroModeEnergy, 2e-5);
        Assert.True(solution.LyapunovMax > 0);
    }

    [Fact]
    public void Larger_r_gate_gain_raises_the_exponent()
    {
        // §B.2 item 4 and §D case 21: λ_max increases with α_r at fixed g_h.
        var exponents = new[] { 0.0, 2.0, 5.0, 10.0 }.Select(a => GatedGaussianDmft.Solve(3, a, 0, 0).LyapunovMax).ToArray();
        for (var i = 1; i < exponents.Length; i++)
        {
            Assert.True(exponents[i] > exponents[i - 1], string.Join(", ", exponents));
        }
    }

    [Fact]
    public void Without_a_chaotic_solution_it_reports_the_zero_fixed_point_exponent()
    {
        var solution = GatedGaussianDmft.Solve(1.5, 1, 0, 0);
        Assert.False(solution.IsChaotic);
        Assert.Equal(0.5 * (-1 + 1.5 * 0.5), solution.LyapunovMax, 14);
    }

    [Fact]
    public void Discretisation_is_converged_for_a_steep_gate()
    {
        var reference = GatedGaussianDmft.Solve(4, 10, -2, 0);
        var finer = GatedGaussianDmft.Solve(4, 10, -2, 0, new DmftOptions(Step: 0.005));
        var denser = GatedGaussianDmft.Solve(4, 10, -2, 0, new DmftOptions(ChebyshevPoints: 65));
        Assert.Equal(reference.LyapunovMax, finer.LyapunovMax, 1e-5);
        Assert.Equal(reference.LyapunovMax, denser.LyapunovMax, 1e-7);
        Assert.Equal(reference.Delta0, denser.Delta0, 1e-9);
    }

    [Fact]
    public void Observes_cancellation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Equal(AnalysisStatus.Cancelled, GatedGaussianDmft.Solve(4, 10, -2, 0, ct: source.Token).Outcome.Status);
    }
}
