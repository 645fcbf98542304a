using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Tests.Refinement;

public class CrossingTestTests
{
    [Theory]
    [InlineData(-1.0, 1.0, true)]
    [InlineData(1.0, -1.0, true)]
    [InlineData(0.0, 1.0, true)]
    [InlineData(0.5, 1.0, false)]
    [InlineData(-2.0, -1.0, false)]
    [InlineData(0.0, 0.0, false)]
    public void Straddles_when_the_level_lies_between_two_different_means(double a, double b, bool expected) =>
        Assert.Equal(expected, CrossingTest.Straddles(a, b, 0));

    [Fact]
    public void Does_not_split_when_both_means_are_within_k_sem_of_the_level()
    {
        Assert.False(CrossingTest.Splits(-0.19, 0.1, 0.19, 0.1, 0, 2));
        Assert.True(CrossingTest.Splits(-0.19, 0.1, 0.21, 0.1, 0, 2));
        Assert.True(CrossingTest.Splits(-0.19, 0.1, 0.19, 0.1, 0, 1.5));
    }

    [Fact]
    public void Does_not_split_when_the_difference_of_the_means_is_within_noise()
    {
        // A is five SEMs below the level, but B's SEM is so large that the difference 0.51 is under 2·√(0.1² + 0.3²) = 0.63.
        Assert.False(CrossingTest.Splits(-0.5, 0.1, 0.01, 0.3, 0, 2));
        Assert.True(CrossingTest.Splits(-0.5, 0.1, 0.2, 0.3, 0, 2));
    }

    [Fact]
    public void Splits_on_straddling_alone_when_the_sems_are_zero() =>
        Assert.True(CrossingTest.Splits(-1e-12, 0, 1e-12, 0, 0, 2));

    [Fact]
    public void Interpolates_a_linear_field_exactly()
    {
        // f(s) = 3s − 1 sampled at s = 0 and 1 crosses 0 at s = 1/3.
        var (t, sem) = CrossingTest.Interpolate(-1, 0, 2, 0, 0);
        Assert.Equal(1.0 / 3, t, 15);
        Assert.Equal(0, sem);
    }

    [Fact]
    public void The_fraction_sem_matches_the_spread_of_noisy_crossings()
    {
        // Means −1 and 2 with SEMs 0.05 and 0.08: the first-order σ_t against the empirical spread of t over noisy means.
        const double meanA = -1, meanB = 2, semA = 0.05, semB = 0.08;
        var (_, predicted) = CrossingTest.Interpolate(meanA, semA, meanB, semB, 0);
        const int draws = 20_000;
        var ts = new double[draws];
        for (var i = 0; i < draws; i++)
        {
            var a = meanA + semA * RefineHarness.Gaussian(i, 1);
            var b = meanB + semB * RefineHarness.Gaussian(i, 2);
            ts[i] = CrossingTest.Interpolate(a, 0, b, 0, 0).Fraction;
        }

        var mean = ts.Average();
        var spread = Math.Sqrt(ts.Sum(t => (t - mean) * (t - mean)) / (draws - 1));

        // The sample standard deviation of 20 000 draws is good to about 1/√(2·20 000) ≈ 0.5 %; second-order terms add ~1 %.
        Assert.InRange(spread / predicted, 0.96, 1.04);
    }

    [Fact]
    public void Refuses_to_interpolate_a_pair_that_does_not_straddle() =>
        Assert.Throws<ArgumentException>(() => CrossingTest.Interpolate(1, 0, 2, 0, 0));
}
