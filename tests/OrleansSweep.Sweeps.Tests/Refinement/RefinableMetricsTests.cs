using OrleansSweep.Science.Models;
using OrleansSweep.Science.Theory;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Tests.Refinement;

public class RefinableMetricsTests
{
    [Theory]
    [InlineData(ModelFamily.Vanilla, null, 0.0)]
    [InlineData(ModelFamily.Minimal, null, 0.0)]
    [InlineData(ModelFamily.Lstm, null, 0.0)]
    [InlineData(ModelFamily.Gru, "bH", 1.0)]
    [InlineData(ModelFamily.Gated, "betaH", 1.0)]
    public void Cover_every_theory_value_the_predictions_emit(ModelFamily family, string? parameter, double value)
    {
        // A bias that removes the zero fixed point makes the GRU and gated theories list every name as not applicable,
        // which is cheap; the rate model's names (zero_fp_stable, delta0, lyapunov_max) are among the gated ones.
        var overrides = parameter is null ? new Dictionary<string, double>() : new Dictionary<string, double> { [parameter] = value };
        var predictions = TheoryPredictions.For(family, ModelCatalog.Resolve(family, overrides), CancellationToken.None);
        Assert.NotEmpty(predictions);
        Assert.All(predictions, p => Assert.Contains(p.Name, RefinableMetrics.TheoryNames));
    }

    [Fact]
    public void Include_every_measured_metric_and_bistable()
    {
        Assert.All(CellMetrics.Measured, m => Assert.True(RefinableMetrics.IsKnown(m)));
        Assert.True(RefinableMetrics.IsKnown(RefinableMetrics.Bistable));
        Assert.False(RefinableMetrics.IsKnown("lyapunov_max_sem"));
    }

    [Theory]
    [InlineData(CellMetrics.LyapunovMax, AnalysisSettings.LyapunovName)]
    [InlineData(CellMetrics.MeanSquareActivity, AnalysisSettings.LyapunovName)]
    [InlineData(CellMetrics.SpectralAbscissa, AnalysisSettings.SpectrumName)]
    [InlineData(CellMetrics.RmtEdge, AnalysisSettings.SpectrumName)]
    [InlineData(CellMetrics.FixedPointsStable, AnalysisSettings.FixedPointsName)]
    [InlineData("theory_g_c", AnalysisSettings.TheoryName)]
    [InlineData(RefinableMetrics.Bistable, null)]
    public void Name_the_analysis_that_computes_each_metric(string metric, string? analysis) =>
        Assert.Equal(analysis, RefinableMetrics.RequiredAnalysis(metric));
}
