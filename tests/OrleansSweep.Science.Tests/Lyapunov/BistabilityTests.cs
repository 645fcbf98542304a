using OrleansSweep.Science.Lyapunov;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Theory.Dmft;
using Xunit.Abstractions;

namespace OrleansSweep.Science.Tests.Lyapunov;

/// <summary>
/// The bistability criterion (<see cref="Bistability"/>) and where it fires: the same network run from h(0) ~ N(0, 1)
/// and N(0, 0.01²) (science.md §C) ends chaotic and quiescent inside the discontinuous band g_c &lt; g_h &lt; 1/σ(b_r)
/// (§B.5, §E S1/S6), and on one attractor outside it.
/// </summary>
/// <remarks>
/// Measured (N = 1000, seed 1): gated g_h = 5, α_r = 10, b_r = −2, dt = 0.05, 50 time units after a transient of 50
/// (Gaussian-DMFT g_c = 2.74, zero-FP line 8.39): λ_max = +0.278 from s = 1 and −0.215 from s = 0.01 (zero FP: −0.202),
/// ⟨h²⟩ = 0.15 and 1e-15 (~25 s on a loaded 2-core machine); GRU g_h = 5, g_r = 10, b_r = −2, 200 steps after 200:
/// +0.306 / −0.238 per step (zero FP −0.223), ~7 s. The quiescent run's λ_max is the zero fixed point's exponent, checked against its
/// closed form (§B.2 item 1, §B.6).
/// </remarks>
public class BistabilityTests(ITestOutputHelper output)
{
    private static readonly double[] Scales = [1.0, 0.01];

    [Theory]
    [InlineData(0.05, 0.001, 10, AttractorKind.Chaotic)]
    [InlineData(-0.05, 0.001, 10, AttractorKind.Ordered)]
    [InlineData(0.0005, 0.0, 10, AttractorKind.Undecided)] // below the absolute margin 10⁻³
    [InlineData(0.01, 0.02, 4, AttractorKind.Undecided)] // below 3·SE = 3·0.02/2 = 0.03
    [InlineData(0.04, 0.02, 4, AttractorKind.Chaotic)]
    [InlineData(double.NaN, 0.0, 10, AttractorKind.Undecided)]
    public void Classifies_lambda_max_by_its_sign_beyond_the_margin(double lambda, double spread, int windows, AttractorKind expected) =>
        Assert.Equal(expected, Bistability.Classify(lambda, spread, windows));

    [Fact]
    public void Needs_a_chaotic_and_an_ordered_scale_with_different_activity()
    {
        Assert.True(Bistability.IsBistable([AttractorKind.Chaotic, AttractorKind.Ordered], [0.2, 1e-20]));
        Assert.True(Bistability.IsBistable([AttractorKind.Ordered, AttractorKind.Undecided, AttractorKind.Chaotic], [0.0, 0.1, 0.2]));
        Assert.False(Bistability.IsBistable([AttractorKind.Chaotic, AttractorKind.Chaotic], [0.2, 0.2]));
        Assert.False(Bistability.IsBistable([AttractorKind.Chaotic, AttractorKind.Undecided], [0.2, 0.0]));
        // Same activity on both sides of a marginal λ_max: one attractor, not two.
        Assert.False(Bistability.IsBistable([AttractorKind.Chaotic, AttractorKind.Ordered], [0.2, 0.15]));
    }

    [Theory]
    [InlineData(1.5)] // below g_c: both scales decay to the zero fixed point
    [InlineData(12.0)] // above the zero-FP line 1/σ(−2) = 8.39: both scales are chaotic
    public void Gated_network_outside_the_band_is_not_bistable(double gH)
    {
        var network = AnalysisNetworks.Create(ModelFamily.Gated, 200, 1, ("gH", gH), ("alphaR", 10.0), ("bR", -2.0), ("dt", 0.1));
        var (kinds, activity) = RunScales(network, Options(100, 100), $"gated g_h = {gH}");
        Assert.False(Bistability.IsBistable(kinds, activity));
        Assert.Equal(kinds[0], kinds[1]);
        Assert.NotEqual(AttractorKind.Undecided, kinds[0]);
    }

    [Fact]
    [Trait("Category", "Heavy")]
    public void Gated_network_beyond_the_discontinuous_transition_is_bistable_at_N_1000()
    {
        const double gH = 5, alphaR = 10, bR = -2;
        var onset = ChaosOnset.Find(alphaR, bR);
        // The theory places g_h inside the bistable band g_c < g_h < 1/σ(b_r) (§B.5).
        Assert.True(onset.IsDiscontinuous && onset.GC < gH && gH < onset.ZeroFpLine, $"g_c = {onset.GC}, line {onset.ZeroFpLine}");
        var network = AnalysisNetworks.Create(ModelFamily.Gated, 1000, 1, ("gH", gH), ("alphaR", alphaR), ("bR", bR));
        var (kinds, activity, runs) = RunScalesWithResults(network, Options(50, 50), "gated");

        Assert.Equal([AttractorKind.Chaotic, AttractorKind.Ordered], kinds);
        Assert.True(Bistability.IsBistable(kinds, activity));
        // The quiescent run sits at the zero fixed point: λ_max = σ(b_z)(−1 + g_h σ(b_r)) = −0.2019 (§B.2 item 1).
        var zero = 0.5 * (-1 + gH * Sigmoid(bR));
        Assert.InRange(runs[1].MaxExponent, zero - 0.03, zero + 0.03);
        Assert.True(activity[1] < 1e-6 && activity[0] > 0.05, $"⟨h²⟩ = {activity[0]}, {activity[1]}");
    }

    [Fact]
    [Trait("Category", "Heavy")]
    public void Gru_with_a_strong_negatively_biased_reset_gate_is_bistable_at_N_1000()
    {
        const double gH = 5, gR = 10, bR = -2;
        // Zero FP stable iff g_h σ(b_r) < 1 (§B.6): 5 · 0.119 = 0.60.
        Assert.True(gH * Sigmoid(bR) < 1);
        var network = AnalysisNetworks.Create(ModelFamily.Gru, 1000, 1, ("gH", gH), ("gR", gR), ("bR", bR));
        var (kinds, activity, runs) = RunScalesWithResults(network, Options(200, 200), "gru");

        Assert.Equal([AttractorKind.Chaotic, AttractorKind.Ordered], kinds);
        Assert.True(Bistability.IsBistable(kinds, activity));
        // λ_max per step at the zero fixed point: ln(1 − s_z + s_z s_r g_h) = −0.2231 (§B.6, case 14 form).
        var zero = Math.Log(1 - 0.5 + 0.5 * Sigmoid(bR) * gH);
        Assert.InRange(runs[1].MaxExponent, zero - 0.02, zero + 0.02);
    }

    private static LyapunovOptions Options(double transient, double averaging) => new()
    {
        Exponents = 1,
        TransientTime = transient,
        AveragingTime = averaging,
        BasisWarmupTime = 10,
        Windows = 5,
        Twin = false,
    };

    private (AttractorKind[] Kinds, double[] Activity) RunScales(IRecurrentNetwork network, LyapunovOptions options, string label)
    {
        var (kinds, activity, _) = RunScalesWithResults(network, options, label);
        return (kinds, activity);
    }

    private (AttractorKind[] Kinds, double[] Activity, LyapunovResult[] Runs) RunScalesWithResults(IRecurrentNetwork network, LyapunovOptions options, string label)
    {
        // The same network and the same streams from every scale: the initial states differ only in scale (as in the cells).
        var runs = Scales.Select(s => AnalysisNetworks.RunLyapunov(network, 1, options with { InitialStateScale = s })).ToArray();
        var kinds = runs.Select(Bistability.Classify).ToArray();
        var activity = runs.Select(r => r.MeanSquareState.Take(network.Units).Average()).ToArray();
        for (var i = 0; i < runs.Length; i++)
        {
            output.WriteLine($"{label} s = {Scales[i]}: λ_max = {runs[i].MaxExponent:G4} (spread {runs[i].WindowSpread:G2}), ⟨h²⟩ = {activity[i]:G3}, {kinds[i]}");
        }

        return (kinds, activity, runs);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
