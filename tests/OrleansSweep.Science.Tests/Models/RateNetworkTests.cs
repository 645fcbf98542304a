using OrleansSweep.Science.Models;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

public class RateNetworkTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Couplings_have_variance_g2_over_N(double g)
    {
        const int n = 200;
        var network = (RateNetwork)Create(ModelFamily.Rate, n, P(("g", g)));
        var j = network.Coupling.ToArray();
        var meanSquare = j.Sum(v => v * v) / j.Length;
        var expected = g * g / n;
        var standardError = Math.Sqrt(2.0 / j.Length) * expected;
        Assert.InRange(meanSquare, expected - 5 * standardError, expected + 5 * standardError);
    }

    [Fact]
    public void Origin_is_a_fixed_point_with_Jacobian_minus_identity_plus_J()
    {
        const int n = 16;
        var network = (RateNetwork)Create(ModelFamily.Rate, n, P(("g", 1.7)));
        var origin = new double[n];
        var field = new double[n];
        network.Evaluate(0, origin, field);
        Assert.All(field, v => Assert.Equal(0.0, v));
        var jacobian = DenseJacobian(network, 0, origin);
        for (var i = 0; i < n * n; i++)
        {
            Assert.Equal(network.Coupling[i] - (i % (n + 1) == 0 ? 1.0 : 0.0), jacobian[i]);
        }
    }
}
