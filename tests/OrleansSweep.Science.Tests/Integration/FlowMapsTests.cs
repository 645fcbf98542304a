using OrleansSweep.Science.Integration;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Tests.Models;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Integration;

public class FlowMapsTests
{
    public static TheoryData<ModelFamily, string> Flows => ModelCases.Flows;

    [Theory]
    [MemberData(nameof(Flows))]
    public void Euler_and_RK4_map_Jacobians_match_central_differences_of_the_maps(ModelFamily family, string parameters)
    {
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            var dt = network.Parameters["dt"];
            foreach (var map in new[] { FlowMaps.Euler(network, dt), FlowMaps.RungeKutta4(network, dt) })
            {
                var x = RandomState(map.Dimension, (ulong)(400 + n));
                AssertClose(DenseJacobian(map, 0, x), FiniteDifferenceJacobian(map, 0, x), 1e-6, 1e-8, $"{family} N={n} {map.GetType().Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Euler_and_RK4_tangent_maps_equal_their_dense_Jacobians_times_the_basis(ModelFamily family, string parameters)
    {
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            var dt = network.Parameters["dt"];
            JacobianTests.AssertTangentMapMatches(FlowMaps.Euler(network, dt), (ulong)(500 + n), $"{family} N={n} Euler");
            JacobianTests.AssertTangentMapMatches(FlowMaps.RungeKutta4(network, dt), (ulong)(600 + n), $"{family} N={n} RK4");
        }
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Fused_Euler_tangent_agrees_with_the_generic_one(ModelFamily family, string parameters)
    {
        // The network's fused (I + dt·Df)V against Df·V plus an axpy, taken through a wrapper that hides the capability.
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            var dt = network.Parameters["dt"];
            var fused = FlowMaps.Euler(network, dt);
            var generic = FlowMaps.Euler(new PlainSystem(network), dt);
            var d = network.Dimension;
            var x = RandomState(d, (ulong)(1000 + n));
            foreach (var k in new[] { 1, 5, d })
            {
                var basis = RandomState(d * k, (ulong)(1100 + k), 1.0);
                var expected = new double[d * k];
                var result = new double[d * k];
                generic.JacobianTimes(0, x, basis, k, expected);
                fused.JacobianTimes(0, x, basis, k, result);
                AssertClose(expected, result, 1e-13, 1e-13, $"{family} N={n} k={k}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Row_basis_Euler_tangent_is_the_column_tangent_on_the_transposed_basis(ModelFamily family, string parameters)
    {
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            var map = (IHasRowBasisTangent)FlowMaps.Euler(network, network.Parameters["dt"]);
            Assert.Equal(network is IHasRowBasisShiftedTangent, map.SupportsRowBasisTangent);
            Assert.False(((IHasRowBasisTangent)FlowMaps.Euler(new PlainSystem(network), 0.1)).SupportsRowBasisTangent);
            if (!map.SupportsRowBasisTangent)
            {
                Assert.Throws<InvalidOperationException>(() => map.RowBasisJacobianTimes(0, new double[network.Dimension], new double[network.Dimension], 1, new double[network.Dimension]));
                continue;
            }

            var d = network.Dimension;
            var x = RandomState(d, (ulong)(1200 + n));
            foreach (var k in new[] { 1, 5, d })
            {
                var basis = RandomState(d * k, (ulong)(1300 + k), 1.0);
                var expected = new double[d * k];
                ((IDiscreteMap)map).JacobianTimes(0, x, basis, k, expected);
                var result = new double[d * k];
                map.RowBasisJacobianTimes(0, x, LinearAlgebra.CholeskyKernelsTests.Transpose(basis, d, k), k, result);
                AssertClose(expected, LinearAlgebra.CholeskyKernelsTests.Transpose(result, k, d), 1e-13, 1e-13, $"{family} N={n} k={k}");
            }
        }
    }

    [Fact]
    public void Euler_Jacobian_is_identity_plus_dt_times_the_field_Jacobian()
    {
        var network = Create(ModelFamily.Gated, 10, P(("alphaZ", 2.0)));
        var x = RandomState(30, 1);
        var field = DenseJacobian(network, 0, x);
        var map = DenseJacobian(FlowMaps.Euler(network, 0.05), 0, x);
        for (var i = 0; i < 30; i++)
        {
            for (var j = 0; j < 30; j++)
            {
                Assert.Equal((i == j ? 1.0 : 0.0) + 0.05 * field[i * 30 + j], map[i * 30 + j], 1e-15);
            }
        }
    }

    [Theory]
    [InlineData(ModelFamily.Rate, "g=2")]
    [InlineData(ModelFamily.Gated, "alphaZ=3;alphaR=3;gH=3")]
    public void Local_errors_scale_with_the_order_of_each_scheme(ModelFamily family, string parameters)
    {
        // One step from the same point against a fine RK4 reference: the local error is C dt^(p+1), so halving dt
        // divides it by 2^(p+1): 4 for Euler (p = 1), 32 for RK4 (p = 4); the next order shifts the ratio by O(dt).
        var network = Create(family, 20, ModelCases.Parse(parameters));
        var x = RandomState(network.Dimension, 9, 1.0);
        var eulerRatio = LocalError(FlowMaps.Euler(network, 0.04), network, x) / LocalError(FlowMaps.Euler(network, 0.02), network, x);
        var rk4Ratio = LocalError(FlowMaps.RungeKutta4(network, 0.2), network, x) / LocalError(FlowMaps.RungeKutta4(network, 0.1), network, x);
        Assert.InRange(eulerRatio, 3.6, 4.4);
        Assert.InRange(rk4Ratio, 25, 39);
    }

    [Fact]
    public void Maps_report_the_step_and_reject_discrete_systems_or_bad_steps()
    {
        var flow = Create(ModelFamily.Rate, 4, P());
        Assert.Equal(0.1, FlowMaps.RungeKutta4(flow, 0.1).TimeStep);
        Assert.Equal(TimeKind.Discrete, FlowMaps.Euler(flow, 0.1).Time);
        Assert.Throws<ArgumentException>(() => FlowMaps.Euler(Create(ModelFamily.Gru, 4, P()), 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FlowMaps.RungeKutta4(flow, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FlowMaps.Euler(flow, double.NaN));
    }

    [Fact]
    public void Step_map_of_a_flow_network_follows_its_integrator_parameter()
    {
        var euler = Create(ModelFamily.Gated, 6, P());
        var rk4 = Create(ModelFamily.Gated, 6, P(("integrator", 1)));
        var x = RandomState(18, 2);
        var fromEuler = new double[18];
        var fromRk4 = new double[18];
        var expectedEuler = new double[18];
        var expectedRk4 = new double[18];
        euler.StepMap.Evaluate(0, x, fromEuler);
        rk4.StepMap.Evaluate(0, x, fromRk4);
        FlowMaps.Euler(euler, 0.05).Evaluate(0, x, expectedEuler);
        FlowMaps.RungeKutta4(euler, 0.05).Evaluate(0, x, expectedRk4);
        Assert.Equal(expectedEuler, fromEuler);
        Assert.Equal(expectedRk4, fromRk4);
    }

    /// <summary>‖F_dt(x) − φ_dt(x)‖ with the exact flow φ replaced by 64 RK4 substeps (error ~ 1e-7 of RK4's).</summary>
    private static double LocalError(IDiscreteMap map, IDynamicalSystem flow, double[] x)
    {
        var d = x.Length;
        var step = new double[d];
        map.Evaluate(0, x, step);
        var reference = (double[])x.Clone();
        var fine = FlowMaps.RungeKutta4(flow, map.TimeStep / 64);
        for (var k = 0; k < 64; k++)
        {
            fine.Evaluate(0, reference, reference);
        }

        return Math.Sqrt(step.Zip(reference, (a, b) => (a - b) * (a - b)).Sum());
    }
}
