using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Tests.Theory.Solvers;

public class GoldenSectionTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(1.7)]
    public void Finds_the_minimum_of_a_unimodal_function(double centre)
    {
        var (x, value) = GoldenSection.Minimize(t => (t - centre) * (t - centre) + 4, -2, 3, 1e-9, CancellationToken.None);
        Assert.Equal(centre, x, 7);
        Assert.Equal(4, value, 12);
    }

    [Fact]
    public void Observes_cancellation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => GoldenSection.Minimize(t => t * t, -1, 2, 1e-12, source.Token));
    }
}
