using OrleansSweep.Reports.Ticks;

namespace OrleansSweep.Reports.Tests.Ticks;

public class NiceTicksTests
{
    [Fact]
    public void Range_half_to_six_gets_unit_steps()
    {
        var (values, step) = NiceTicks.Linear(0.5, 6.0, 7);
        Assert.Equal(1.0, step);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], values);
    }

    public static TheoryData<double, double, int> Ranges()
    {
        var data = new TheoryData<double, double, int>();
        foreach (var lo in new[] { -1234.5, -3.0, -0.07, 0.0, 0.45, 17.0 })
        {
            foreach (var span in new[] { 1e-4, 0.037, 0.9, 5.5, 20.5, 777.0, 3e6 })
            {
                foreach (var maxCount in new[] { 4, 6, 10 })
                {
                    data.Add(lo, lo + span, maxCount);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Steps_follow_the_1_2_5_rule_and_cover_the_range(double lo, double hi, int maxCount)
    {
        var (values, step) = NiceTicks.Linear(lo, hi, maxCount);

        var exponent = Math.Floor(Math.Log10(step) + 1e-9);
        var mantissa = step / Math.Pow(10, exponent);
        Assert.Contains([1.0, 2.0, 5.0], m => Math.Abs(m - mantissa) < 1e-9);
        Assert.InRange(values.Length, 2, maxCount);
        foreach (var v in values)
        {
            Assert.InRange(v, lo - (1e-6 * step), hi + (1e-6 * step));
            Assert.Equal(Math.Round(v / step), v / step, 6);
        }

        // Coverage: no further multiple of the step fits before the first or after the last tick.
        Assert.True(values[0] - step < lo + (1e-6 * step));
        Assert.True(values[^1] + step > hi - (1e-6 * step));
        // The finest such step: halving it (or the next finer 1-2-5 step) would exceed maxCount.
        var finer = NiceTicks.CandidateSteps(lo, hi).TakeWhile(s => s < step * (1 - 1e-9)).LastOrDefault();
        if (finer > 0)
        {
            Assert.True(NiceTicks.AtStep(lo, hi, finer).Length > maxCount);
        }
    }

    [Fact]
    public void Ticks_at_zero_are_exactly_zero()
    {
        var (values, _) = NiceTicks.Linear(-0.3, 0.3, 7);
        Assert.Contains(0.0, values);
        Assert.DoesNotContain(values, v => v != 0 && Math.Abs(v) < 1e-12);
    }

    [Theory]
    [InlineData(0.03, 700.0, new[] { -1, 0, 1, 2 })]
    [InlineData(1.0, 1000.0, new[] { 0, 1, 2, 3 })]
    [InlineData(2e-7, 5e-3, new[] { -6, -5, -4, -3 })]
    public void Log_axis_ticks_are_decades(double lo, double hi, int[] exponents)
    {
        var decades = NiceTicks.Decades(lo, hi, 10);
        Assert.Equal(exponents.Length, decades.Length);
        for (var k = 0; k < decades.Length; k++)
        {
            Assert.Equal(exponents[k], Math.Log10(decades[k]), 12);
        }
    }

    [Fact]
    public void Crowded_decades_are_thinned_to_aligned_strides()
    {
        var exponents = NiceTicks.DecadeExponents(1e-10, 1e10, 6);
        Assert.Equal([-10, -5, 0, 5, 10], exponents);
    }

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(5.0, 0)]
    [InlineData(20.0, 0)]
    [InlineData(0.5, 1)]
    [InlineData(0.2, 1)]
    [InlineData(0.01, 2)]
    [InlineData(0.005, 3)]
    public void Decimals_show_the_step_exactly(double step, int decimals)
    {
        Assert.Equal(decimals, NiceTicks.Decimals(step));
    }
}
