using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.Randomness;

public class RandomStreamTests
{
    [Fact]
    public void Same_key_gives_the_same_sequence()
    {
        var a = new RandomStream(42);
        var b = new RandomStream(42);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void Any_position_can_be_regenerated_from_the_counter()
    {
        var stream = new RandomStream(7);
        var values = Enumerable.Range(0, 100).Select(_ => stream.NextUInt64()).ToArray();
        Assert.Equal(values[37], RandomStream.At(7, 37));
        Assert.Equal(values[99], new RandomStream(7, start: 99).NextUInt64());
    }

    [Fact]
    public void Gaussian_draws_have_unit_moments()
    {
        var stream = new RandomStream(2024);
        const int count = 400_000;
        double sum = 0, sumSquares = 0, sumFourth = 0;
        for (var i = 0; i < count; i++)
        {
            var x = stream.NextGaussian();
            sum += x;
            sumSquares += x * x;
            sumFourth += x * x * x * x;
        }

        // Standard errors: mean 1/√n ≈ 0.0016, variance √(2/n) ≈ 0.0022, fourth moment √(96/n) ≈ 0.015.
        Assert.InRange(sum / count, -0.008, 0.008);
        Assert.InRange(sumSquares / count, 0.99, 1.01);
        Assert.InRange(sumFourth / count, 2.93, 3.07);
    }

    [Fact]
    public void Uniform_draws_are_uncorrelated_between_neighbours()
    {
        var stream = new RandomStream(99);
        const int count = 200_000;
        var previous = stream.NextDouble() - 0.5;
        double lagOne = 0;
        for (var i = 0; i < count; i++)
        {
            var x = stream.NextDouble() - 0.5;
            lagOne += x * previous;
            previous = x;
        }

        // Var(x) = 1/12; the lag-one correlation of independent draws is N(0, 1/n): 5σ ≈ 0.011.
        Assert.InRange(lagOne / count * 12, -0.011, 0.011);
    }

    [Fact]
    public void Roles_and_realisations_get_distinct_keys()
    {
        var keys = new HashSet<ulong>();
        foreach (var role in Enum.GetValues<StreamRole>())
        {
            for (var realization = 0; realization < 10; realization++)
            {
                Assert.True(keys.Add(StreamKeys.Derive(1, "cell-a", realization, role)));
                Assert.True(keys.Add(StreamKeys.Derive(1, "cell-b", realization, role)));
                Assert.True(keys.Add(StreamKeys.Derive(2, "cell-a", realization, role)));
            }
        }
    }

    [Fact]
    public void Forks_are_deterministic_and_distinct()
    {
        var parent = new RandomStream(5);
        Assert.Equal(parent.Fork(3).NextUInt64(), new RandomStream(5).Fork(3).NextUInt64());
        Assert.NotEqual(parent.Fork(3).NextUInt64(), parent.Fork(4).NextUInt64());
    }
}
