using OrleansSweep.Science.Models;
using OrleansSweep.Science.Theory;
using OrleansSweep.Science.Theory.Dmft;

namespace OrleansSweep.Science.Tests.Theory;

/// <summary>The sampled-DMFT columns of the gated cell in <see cref="TheoryPredictions"/>.</summary>
public class SampledDmftPredictionsTests
{
    private static TheoryValues Gated(Dictionary<string, double> overrides, CancellationToken ct = default) =>
        TheoryPredictions.For(ModelFamily.Gated, ModelCatalog.Resolve(ModelFamily.Gated, overrides), ct);

    [Fact]
    public void Update_gate_cell_gets_delta0_and_relaxation_time_from_sampling()
    {
        var values = Gated(new() { ["gH"] = 5, ["alphaZ"] = 2 });
        var expected = SampledDmftCache.Solve(new SampledDmftParameters(5, AlphaZ: 2), SampledDmftOptions.PerCell, default);

        Assert.Equal(expected.Delta0, values["delta0"].Value);
        Assert.Equal(expected.Delta0, values["delta0_sampled"].Value);
        Assert.Equal(expected.RelaxationTime, values["relaxation_time"].Value);
        Assert.True(values["delta0_sampled_se"].Value > 0);
        Assert.Contains("sampled DMFT", values["delta0"].Note, StringComparison.Ordinal);
        Assert.Equal(AnalysisStatus.NotApplicable, values["lyapunov_max"].Outcome.Status);
        Assert.Contains("not confirmed", values["lyapunov_max"].Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(AnalysisStatus.NotApplicable, values["g_c"].Outcome.Status);
    }

    [Fact]
    public void Without_update_gate_the_sampled_columns_cross_check_the_gaussian_dmft()
    {
        // τ_r at its smallest admissible value: the Gaussian DMFT (τ_r → 0) and the sampled closure must agree.
        var values = Gated(new() { ["gH"] = 4, ["alphaZ"] = 0, ["alphaR"] = 5, ["tauR"] = 1e-3 });

        Assert.Equal(values["delta0"].Value!.Value, values["delta0_sampled"].Value!.Value, 3e-3 * values["delta0"].Value!.Value);
        Assert.Equal(0, values["delta0_sampled_se"].Value);
        Assert.True(values["relaxation_time"].Value > 0);
        Assert.Equal(AnalysisStatus.Converged, values["lyapunov_max"].Outcome.Status);
    }

    [Fact]
    public void Quiescent_cell_has_no_relaxation_time()
    {
        var values = Gated(new() { ["gH"] = 1.5, ["alphaZ"] = 0 });
        Assert.Equal(0, values["delta0_sampled"].Value);
        Assert.Equal(AnalysisStatus.NotApplicable, values["relaxation_time"].Outcome.Status);
    }

    [Fact]
    public void Columns_are_the_same_for_every_gated_cell()
    {
        var names = new[]
        {
            Gated(new() { ["gH"] = 5, ["alphaZ"] = 2 }).Names,
            Gated(new() { ["gH"] = 4 }).Names,
            Gated(new() { ["gH"] = 4, ["betaH"] = 0.5 }).Names,
        };
        Assert.Equal(names[0].Order(StringComparer.Ordinal), names[1].Order(StringComparer.Ordinal));
        Assert.Equal(names[0].Order(StringComparer.Ordinal), names[2].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cancellation_marks_the_sampled_values()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var values = Gated(new() { ["gH"] = 4.5, ["alphaZ"] = 1.5 }, source.Token);
        Assert.Equal(AnalysisStatus.Cancelled, values["delta0_sampled"].Outcome.Status);
        Assert.Equal(AnalysisStatus.Cancelled, values["delta0"].Outcome.Status);
    }
}
