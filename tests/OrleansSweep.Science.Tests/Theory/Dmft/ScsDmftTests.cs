using OrleansSweep.Science.Theory.Dmft;

namespace OrleansSweep.Science.Tests.Theory.Dmft;

public class ScsDmftTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Below_unit_gain_only_the_zero_fixed_point_exists(double g)
    {
        // §D case 2: λ_max = −1 + g at the zero fixed point (g = 0.5 → −0.5).
        var solution = ScsDmft.Solve(g);
        Assert.False(solution.IsChaotic);
        Assert.Equal(0, solution.Delta0);
        Assert.Equal(-1 + g, solution.LyapunovMax, 14);
    }

    [Fact]
    public void Reproduces_the_scs_numbers_behind_case_4()
    {
        // §D case 4: ⟨h²⟩ = 0.1203 = Δ_SCS(g = 2)/g_h² with g_h = 4, and λ = 0.0562 = ½·λ_SCS(2).
        var solution = ScsDmft.Solve(2.0);
        Assert.Equal(AnalysisStatus.Converged, solution.Outcome.Status);
        Assert.Equal(0.1203, solution.Delta0 / 16, 0.1203 * 1e-3);
        Assert.Equal(2 * 0.0562, solution.LyapunovMax, 1e-3);
        Assert.Equal(0.11246, solution.LyapunovMax, 2e-5);
    }

    [Theory]
    [InlineData(1.3)]
    [InlineData(2.0)]
    [InlineData(3.5)]
    public void The_derivative_of_the_autocorrelation_is_a_level_at_minus_one(double g)
    {
        // Differentiating Δ'' = Δ − g²C_φ(Δ) gives H Δ' = −Δ': E_1 = −1, and the nodeless ground state lies below.
        var solution = ScsDmft.Solve(g);
        Assert.Equal(-1, solution.ZeroModeEnergy, 1e-5);
        Assert.True(solution.GroundStateEnergy < -1);
        Assert.True(solution.LyapunovMax > 0);
    }

    [Theory]
    [InlineData(1.5, 0.3)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.0, 1.9248)]
    [InlineData(3.0, 6.0)]
    public void Closed_form_balance_equals_the_general_integral_condition(double g, double delta0)
    {
        // Price's theorem turns ∫_0^{Δ0} g²C_φ dΔ into g²(E[Φ²] − E[Φ]²), Φ = ln cosh (§B.3).
        var table = DmftTable.Build(new ScsKernel(g), delta0, 33);
        Assert.Equal(ScsDmft.PotentialBalance(g, delta0), table.Balance, 10);
    }

    [Fact]
    public void Roots_whose_trajectory_cannot_decay_are_rejected()
    {
        // At small Δ0 and g > 1, K(0) ≈ g² > 1: Δ = 0 is a valley of the potential, not a hilltop.
        Assert.False(DmftTable.Build(new ScsKernel(2), 1e-3, 17).IsAdmissible(out var reason));
        Assert.Contains("K(0)", reason, StringComparison.Ordinal);
        Assert.True(DmftTable.Build(new ScsKernel(2), ScsDmft.Solve(2).Delta0, 33).IsAdmissible(out _));
    }

    [Fact]
    public void Exponent_vanishes_quadratically_at_the_transition()
    {
        // §A.1: continuous transition with λ_max ∝ (g − 1)².
        var ratios = new[] { 1.02, 1.05, 1.1, 1.2 }.Select(g => ScsDmft.Solve(g).LyapunovMax / ((g - 1) * (g - 1))).ToArray();
        Assert.All(ratios, r => Assert.InRange(r, 0.25, 0.55));
        for (var i = 1; i < ratios.Length; i++)
        {
            Assert.True(ratios[i] < ratios[i - 1]);
        }
    }

    [Fact]
    public void Discretisation_is_converged()
    {
        var reference = ScsDmft.Solve(2.0);
        var finer = ScsDmft.Solve(2.0, new DmftOptions(Step: 0.005));
        var wider = ScsDmft.Solve(2.0, new DmftOptions(HalfWidth: 60));
        var denser = ScsDmft.Solve(2.0, new DmftOptions(ChebyshevPoints: 65));
        Assert.Equal(reference.LyapunovMax, finer.LyapunovMax, 1e-5);
        Assert.Equal(reference.LyapunovMax, wider.LyapunovMax, 1e-8);
        Assert.Equal(reference.LyapunovMax, denser.LyapunovMax, 1e-8);
        Assert.Equal(reference.Delta0, denser.Delta0, 1e-10);
    }
}
