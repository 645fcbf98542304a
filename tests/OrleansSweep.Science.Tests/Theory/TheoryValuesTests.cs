using OrleansSweep.Science.Theory;

namespace OrleansSweep.Science.Tests.Theory;

public class TheoryValuesTests
{
    [Fact]
    public void Keeps_order_and_looks_up_by_name()
    {
        var values = new TheoryValues(
        [
            new TheoryValue("q_star", 0.4, AnalysisOutcome.Converged),
            new TheoryValue("xi", double.PositiveInfinity, AnalysisOutcome.Converged),
            new TheoryValue("g_c", null, AnalysisOutcome.NotApplicable("α_z > 0")),
        ]);
        Assert.Equal(["q_star", "xi", "g_c"], values.Names);
        Assert.Equal(double.PositiveInfinity, values["xi"].Value);
        Assert.Equal("theory_g_c", values[2].ColumnName);
        Assert.True(values.TryGet("q_star", out var found));
        Assert.Equal(0.4, found!.Value);
        Assert.False(values.TryGet("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => values["missing"]);
    }

    [Fact]
    public void Rejects_duplicate_names()
    {
        Assert.Throws<ArgumentException>(() => new TheoryValues(
        [
            new TheoryValue("xi", 1, AnalysisOutcome.Converged),
            new TheoryValue("xi", 2, AnalysisOutcome.Converged),
        ]));
    }
}
