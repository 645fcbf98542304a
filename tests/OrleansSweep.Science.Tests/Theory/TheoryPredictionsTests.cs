using System.Text.RegularExpressions;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Theory;

namespace OrleansSweep.Science.Tests.Theory;

public partial class TheoryPredictionsTests
{
    private static TheoryValues For(ModelFamily family, Dictionary<string, double> overrides, CancellationToken ct = default) =>
        TheoryPredictions.For(family, ModelCatalog.Resolve(family, overrides), ct);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    [Theory]
    [InlineData(ModelFamily.Vanilla)]
    [InlineData(ModelFamily.Minimal)]
    [InlineData(ModelFamily.Rate)]
    [InlineData(ModelFamily.Gru)]
    [InlineData(ModelFamily.Lstm)]
    [InlineData(ModelFamily.Gated)]
    public void Every_family_gives_snake_case_values_with_a_status(ModelFamily family)
    {
        var values = For(family, []);
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            Assert.Matches(SnakeCase(), value.Name);
            Assert.StartsWith(TheoryValues.ColumnPrefix, value.ColumnName, StringComparison.Ordinal);
            if (value.Outcome.Status == AnalysisStatus.Converged)
            {
                Assert.NotNull(value.Value);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(value.Outcome.Reason), $"{family}/{value.Name} needs a reason");
            }
        }
    }

    [Fact]
    public void Vanilla_cell_reports_case_17()
    {
        var values = For(ModelFamily.Vanilla, new() { ["sigmaW2"] = 1.5, ["sigmaB2"] = 0.05, ["untied"] = 1 });
        Assert.Equal(0.4180, values["q_star"].Value!.Value, 1e-3);
        Assert.Equal(0.9386, values["chi_1"].Value!.Value, 1e-3);
        Assert.Equal(15.8, values["xi"].Value!.Value, 0.05);
        Assert.Equal(1.761, values["critical_sigma_w2"].Value!.Value, 0.002);
        Assert.Null(values["chi_1"].Note);
        var tied = For(ModelFamily.Vanilla, new() { ["sigmaW2"] = 1.5, ["sigmaB2"] = 0.05, ["untied"] = 0 });
        Assert.NotNull(tied["chi_1"].Note);
    }

    [Fact]
    public void Minimal_cell_reports_chi_and_the_critical_line()
    {
        var values = For(ModelFamily.Minimal, new() { ["sigmaW2"] = 14.23, ["muB"] = 2 });
        Assert.Equal(1, values["chi"].Value!.Value, 1e-3);
        Assert.Equal(14.23, values["critical_sigma_w2"].Value!.Value, 0.15);
        Assert.True(values["xi"].Value > 100);
    }

    [Fact]
    public void Rate_cell_reports_the_scs_solution()
    {
        var chaotic = For(ModelFamily.Rate, new() { ["g"] = 2 });
        Assert.Equal(0, chaotic["zero_fp_stable"].Value);
        Assert.Equal(0.11246, chaotic["lyapunov_max"].Value!.Value, 1e-4);
        var quiet = For(ModelFamily.Rate, new() { ["g"] = 0.5 });
        Assert.Equal(1, quiet["zero_fp_stable"].Value);
        Assert.Equal(-0.5, quiet["lyapunov_max"].Value!.Value, 12);
    }

    [Fact]
    public void Gated_cell_reduces_to_case_4_and_flags_the_tau_r_approximation()
    {
        var values = For(ModelFamily.Gated, new() { ["gH"] = 4, ["alphaZ"] = 0, ["alphaR"] = 0, ["tauR"] = 1 });
        Assert.Equal(2, values["zero_fp_line"].Value);
        Assert.Equal(0, values["zero_fp_stable"].Value);
        Assert.Equal(0.1203, values["delta0"].Value!.Value, 1e-4);
        Assert.Equal(0.0562, values["lyapunov_max"].Value!.Value, 1e-4);
        Assert.Equal(2, values["g_c"].Value!.Value, 1e-9);
        Assert.Equal(1, values["transition_continuous"].Value);
        Assert.Contains("τ_r → 0", values["lyapunov_max"].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Gated_cell_with_an_update_gate_gain_defers_to_the_sampled_dmft()
    {
        var values = For(ModelFamily.Gated, new() { ["gH"] = 3, ["alphaZ"] = 10, ["alphaR"] = 5 });
        Assert.Equal(AnalysisStatus.NotApplicable, values["lyapunov_max"].Outcome.Status);
        Assert.Contains("sampled DMFT", values["lyapunov_max"].Outcome.Reason, StringComparison.Ordinal);
        Assert.Null(values["lyapunov_max"].Value);
        Assert.Equal(1.917, values["g_fp"].Value!.Value, 0.01);
        Assert.Equal(1, values["static_fp_exists"].Value);
    }

    [Fact]
    public void Gated_zero_fixed_point_exponent_matches_case_5()
    {
        // §D case 5: g_h = 1.5, biases 0, τ = 1 → λ_max = −σ(b_z)(1 − g_h σ(b_r)) = −0.125.
        var values = For(ModelFamily.Gated, new() { ["gH"] = 1.5, ["alphaZ"] = 3 });
        Assert.Equal(1, values["zero_fp_stable"].Value);
        Assert.Equal(-0.125, values["lyapunov_max_zero_fp"].Value!.Value, 12);
    }

    [Fact]
    public void Gru_zero_fixed_point_exponent_matches_case_14()
    {
        // §D case 14: ln(1 − ½ + ½·½·1.5) = −0.1335.
        var values = For(ModelFamily.Gru, new() { ["gH"] = 1.5, ["gZ"] = 1, ["gR"] = 1 });
        Assert.Equal(Math.Log(0.875), values["lyapunov_max_zero_fp"].Value!.Value, 12);
        Assert.Equal(1, values["zero_fp_stable"].Value);
        Assert.Equal(2, values["g_fp"].Value!.Value, 1e-9);
        Assert.Equal(AnalysisStatus.NotApplicable, values["lyapunov_max"].Outcome.Status);
    }

    [Fact]
    public void Lstm_cell_explains_what_is_not_covered()
    {
        var values = For(ModelFamily.Lstm, new() { ["gG"] = 0.5, ["bF"] = -1 });
        var radius = 1 / (1 + Math.E) + 0.25 * 0.5;
        Assert.Equal(Math.Log(radius), values["lyapunov_max_zero_fp"].Value!.Value, 12);
        Assert.Equal(AnalysisStatus.NotApplicable, values["g_fp"].Outcome.Status);
        Assert.Equal(AnalysisStatus.NotApplicable, values["lyapunov_max"].Outcome.Status);
    }

    [Fact]
    public void Cancellation_marks_the_expensive_values()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var values = For(ModelFamily.Gated, new() { ["gH"] = 3.3, ["alphaZ"] = 0, ["alphaR"] = 7.5, ["bR"] = -1.25 }, source.Token);
        Assert.Equal(AnalysisStatus.Cancelled, values["lyapunov_max"].Outcome.Status);
        Assert.Equal(AnalysisStatus.Cancelled, values["g_c"].Outcome.Status);
        Assert.Equal(AnalysisStatus.Converged, values["zero_fp_line"].Outcome.Status);
    }

    [Theory]
    [InlineData(1.5, 0.05)] // §D case 17 (ordered)
    [InlineData(2.5, 0.05)] // §D case 18 (chaotic)
    public void Vanilla_isometry_variance_per_step_is_the_free_probability_growth_of_the_chosen_ensemble(double sigmaW2, double sigmaV2)
    {
        // theory_isometry_variance_per_step = μ_2/μ_1² − 1 + s_W (s_W = 1 Gaussian, 0 Haar orthogonal; §B.7), with
        // μ_k = ⟨φ'(e)^{2k}⟩ at e ~ N(0, q*). The moments are recomputed here by a plain midpoint rule, independent of the
        // product's quadrature, at the product's own q* (itself checked against §D case 17 in VanillaMeanFieldTests).
        Dictionary<string, double> Parameters(double weights) => new() { ["sigmaW2"] = sigmaW2, ["sigmaV2"] = sigmaV2, ["R"] = 1, ["weights"] = weights };
        var gaussian = For(ModelFamily.Vanilla, Parameters(0));
        var orthogonal = For(ModelFamily.Vanilla, Parameters(1));
        var q = gaussian["q_star"].Value!.Value;
        double Moment(int power)
        {
            const double step = 1e-3;
            var sum = 0.0;
            for (var z = -12 + (step / 2); z < 12; z += step)
            {
                var slope = 1 - Math.Pow(Math.Tanh(Math.Sqrt(q) * z), 2);
                sum += Math.Pow(slope, power) * Math.Exp(-z * z / 2) * step;
            }

            return sum / Math.Sqrt(2 * Math.PI);
        }

        var mu1 = Moment(2);
        var mu2 = Moment(4);

        // ⟨h²⟩ = ⟨tanh²(e)⟩ = 1 − ⟨φ'(e)⟩ at q* (the q map's fixed point, μ_b = 0), by the same independent rule.
        Assert.Equal(1 - Moment(1), gaussian["q_h_star"].Value!.Value, 1e-6);
        Assert.Equal((mu2 / (mu1 * mu1)) - 1, orthogonal["isometry_variance_per_step"].Value!.Value, 1e-6);
        Assert.Equal(mu2 / (mu1 * mu1), gaussian["isometry_variance_per_step"].Value!.Value, 1e-6);
        Assert.Equal(AnalysisStatus.Converged, gaussian["isometry_variance_per_step"].Outcome.Status);

        // The same growth per step makes the T-step variance: var = mean²·T·growth.
        const int steps = 7;
        var isometry = TheoryPredictions.Isometry(ModelFamily.Vanilla, ModelCatalog.Resolve(ModelFamily.Vanilla, Parameters(1)), steps, default);
        var mean = isometry["isometry_sv2_mean"].Value!.Value;
        Assert.Equal(Math.Pow(sigmaW2 * mu1, steps), mean, 1e-6 * mean);
        Assert.Equal(mean * mean * steps * ((mu2 / (mu1 * mu1)) - 1), isometry["isometry_sv2_variance"].Value!.Value, 1e-6 * mean * mean);
    }

    [Theory]
    [InlineData(1.5, 1)] // below g_c = 2.74: only the zero fixed point
    [InlineData(5.0, 2)] // g_c < g_h < 1/σ(b_r) = 8.39: chaos and the stable zero fixed point (§B.5)
    [InlineData(12.0, 1)] // above the zero-FP line: only chaos
    public void Gated_dmft_counts_its_stable_branches_and_names_the_one_reported(double gH, int branches)
    {
        var values = For(ModelFamily.Gated, new() { ["gH"] = gH, ["alphaZ"] = 0, ["alphaR"] = 10, ["bR"] = -2, ["tauR"] = 0 });
        Assert.Equal(branches, values["stable_branches"].Value);
        var lyapunov = values["lyapunov_max"];
        Assert.Equal(AnalysisStatus.Converged, lyapunov.Outcome.Status);
        if (branches == 2)
        {
            // The chaotic branch is the one reported, and its status says that the quiescent one exists: λ_max > 0 beside
            // the zero fixed point's exponent σ(b_z)(−1 + g_h σ(b_r)) = −0.2019 (§B.2 item 1).
            Assert.True(lyapunov.Value > 0.05, $"{lyapunov.Value}");
            Assert.Equal(0.5 * (-1 + (gH / (1 + Math.Exp(2)))), values["lyapunov_max_zero_fp"].Value!.Value, 1e-12);
            Assert.Contains("two stable branches", lyapunov.Note, StringComparison.Ordinal);
            Assert.Contains("two stable branches", values["delta0"].Note, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(lyapunov.Note is null || !lyapunov.Note.Contains("branches", StringComparison.Ordinal));
        }
    }
}
