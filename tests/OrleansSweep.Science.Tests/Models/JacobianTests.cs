using OrleansSweep.Science.Models;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

/// <summary>The dense Jacobian and the tangent map of every family against central differences and each other.</summary>
public class JacobianTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Dense_Jacobian_matches_central_differences(ModelFamily family, string parameters)
    {
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            var x = RandomState(network.Dimension, (ulong)(100 + n));
            var exact = DenseJacobian(network, ModelCases.Step, x);
            var differences = FiniteDifferenceJacobian(network, ModelCases.Step, x);

            // Central differences with ε = 1e-6: truncation ε²|F'''| ≲ 1e-9 at gains of 10, rounding u/ε ≈ 1e-10.
            AssertClose(exact, differences, 1e-6, 1e-8, $"{family} N={n} {parameters}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tangent_map_equals_the_dense_Jacobian_times_the_basis(ModelFamily family, string parameters)
    {
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            AssertTangentMapMatches(network, (ulong)(200 + n), $"{family} N={n} {parameters}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tangent_map_reuses_its_scratch_when_the_column_count_changes(ModelFamily family, string parameters)
    {
        // Shrinking then growing k must not leave stale columns behind in the lazily grown scratch.
        var network = Create(family, 17, ModelCases.Parse(parameters));
        var d = network.Dimension;
        var x = RandomState(d, 5);
        var jacobian = DenseJacobian(network, ModelCases.Step, x);
        foreach (var k in new[] { d, 1, 5, d })
        {
            var basis = RandomState(d * k, (ulong)(300 + k), 1.0);
            var result = new double[d * k];
            network.JacobianTimes(ModelCases.Step, x, basis, k, result);
            AssertClose(Multiply(jacobian, basis, d, d, k), result, 1e-12, 1e-12, $"{family} k={k}");
        }
    }

    public static TheoryData<ModelFamily, string> Cases => ModelCases.All;

    /// <summary>JacobianTimes(V) against J·V for k = 1, 5, dim; both in floating point, so 1e-12 relative.</summary>
    internal static void AssertTangentMapMatches(IDynamicalSystem system, ulong seed, string what)
    {
        var d = system.Dimension;
        var x = RandomState(d, seed);
        var jacobian = DenseJacobian(system, ModelCases.Step, x);
        foreach (var k in new[] { 1, 5, d })
        {
            var basis = RandomState(d * k, seed + (ulong)k, 1.0);
            var result = new double[d * k];
            system.JacobianTimes(ModelCases.Step, x, basis, k, result);
            AssertClose(Multiply(jacobian, basis, d, d, k), result, 1e-12, 1e-12, $"{what} k={k}");
        }
    }
}
