using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Tests.Theory.Quadrature;

public class StandardNormalRuleTests
{
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.05)]
    [InlineData(0.01)]
    public void Weights_sum_to_one_and_nodes_are_symmetric(double step)
    {
        var rule = StandardNormalRule.WithStep(step);
        Assert.Equal(1.0, rule.Weights.ToArray().Sum(), 14);
        for (var i = 0; i < rule.Count; i++)
        {
            Assert.Equal(-rule.Nodes[rule.Count - 1 - i], rule.Nodes[i], 14);
        }

        Assert.True(rule.Step <= step);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.01)]
    public void Integrates_gaussian_moments_to_machine_precision(double step)
    {
        var rule = StandardNormalRule.WithStep(step);
        double m2 = 0, m4 = 0, m6 = 0;
        for (var i = 0; i < rule.Count; i++)
        {
            var x2 = rule.Nodes[i] * rule.Nodes[i];
            m2 += rule.Weights[i] * x2;
            m4 += rule.Weights[i] * x2 * x2;
            m6 += rule.Weights[i] * x2 * x2 * x2;
        }

        Assert.Equal(1, m2, 12);
        Assert.Equal(3, m4, 12);
        Assert.Equal(15, m6, 11);
    }

    [Fact]
    public void Steeper_integrands_get_finer_steps()
    {
        var steps = new[] { 0.0, 1.0, 10.0, 100.0 }.Select(k => StandardNormalRule.ForSlope(k).Step).ToArray();
        Assert.Equal(StandardNormalRule.MaximumStep, steps[0], 12);
        for (var i = 1; i < steps.Length; i++)
        {
            Assert.True(steps[i] <= steps[i - 1]);
        }

        Assert.True(steps[3] < 0.004);
    }

    [Fact]
    public void Zero_variance_uses_the_point_rule()
    {
        var rule = StandardNormalRule.For(0, 5);
        Assert.Same(StandardNormalRule.Point, rule);
        Assert.Equal(1, rule.Count);
    }
}
