using OrleansSweep.Science.FixedPoints;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Tests.FixedPoints;

/// <summary>The completeness estimates of <see cref="FixedPointReport"/> and the validation of its options.</summary>
public class FixedPointReportTests
{
    [Theory]
    [InlineData(4, 2, 40, 4.0)]
    [InlineData(3, 0, 30, 3.0)]
    [InlineData(0, 5, 50, 0.0)]
    public void Chao1_and_Good_Turing_follow_their_formulas(int singletons, int doubletons, int converged, double missing)
    {
        var report = Report(singletons, doubletons, converged);

        // Chao1: f1²/(2 f2), or f1(f1 − 1)/2 without doubletons; Good–Turing: f1 / starts that converged.
        Assert.Equal(missing, report.EstimatedMissing, 12);
        Assert.Equal((double)singletons / converged, report.NewPointProbability, 12);
        Assert.Equal(singletons > 0, report.LikelyIncomplete);
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (FixedPointOptions.Default with { Starts = -1 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (FixedPointOptions.Default with { TrajectoryStartFraction = 1.5 }).Validate());
        Assert.Throws<ArgumentException>(() => (FixedPointOptions.Default with { StartScales = [] }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (FixedPointOptions.Default with { DuplicateTolerance = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (FixedPointOptions.Default with { ResidualTolerance = double.NaN }).Validate());
        FixedPointOptions.Default.Validate();
    }

    private static FixedPointReport Report(int singletons, int doubletons, int converged) =>
        FixedPointReport.Empty(AnalysisOutcome.Converged, TimeKind.Discrete, FixedPointOptions.Default) with
        {
            Distinct = singletons + doubletons,
            ConvergedStarts = converged,
            StartsUsed = converged,
            Singletons = singletons,
            Doubletons = doubletons,
        };
}
