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

    [Theory]
    [MemberData(nameof(FlowCases))]
    public void Jacobian_trace_equals_the_trace_of_the_dense_Jacobian(ModelFamily family, string parameters)
    {
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            var traced = Assert.IsAssignableFrom<IHasJacobianTrace>(network);
            var d = network.Dimension;
            foreach (var seed in new ulong[] { 1, 2 })
            {
                var x = RandomState(d, (ulong)(700 + n) + seed, 1.0);
                var jacobian = DenseJacobian(network, ModelCases.Step, x);
                var expected = 0.0;
                var scale = 0.0;
                for (var i = 0; i < d; i++)
                {
                    expected += jacobian[(i * d) + i];
                    scale += Math.Abs(jacobian[(i * d) + i]);
                }

                // Both sum the same d diagonal terms, in another grouping: agreement to d·ε of Σ|J_ii|.
                Assert.Equal(expected, traced.JacobianTrace(ModelCases.Step, x), 1e-13 * scale);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FlowCases))]
    public void Shifted_tangent_map_equals_the_basis_plus_alpha_times_the_Jacobian_times_the_basis(ModelFamily family, string parameters)
    {
        // (I + αD)V against V + α·(dense D)·V: α = 1 makes the shift vanish in the rate network's pre-scaled copy
        // (1 − α = 0), small α is the Euler case; k = 1 runs the GEMV path, k > 1 the GEMM path.
        foreach (var n in ModelCases.Sizes)
        {
            var network = Create(family, n, ModelCases.Parse(parameters));
            var shifted = Assert.IsAssignableFrom<IHasShiftedTangent>(network);
            var d = network.Dimension;
            var x = RandomState(d, (ulong)(800 + n));
            var jacobian = DenseJacobian(network, ModelCases.Step, x);
            foreach (var alpha in new[] { 0.05, 0.3, 1.0 })
            {
                foreach (var k in new[] { 1, 5, d })
                {
                    var basis = RandomState(d * k, (ulong)(900 + k), 1.0);
                    var expected = Multiply(jacobian, basis, d, d, k);
                    for (var i = 0; i < expected.Length; i++)
                    {
                        expected[i] = basis[i] + (alpha * expected[i]);
                    }

                    var result = new double[d * k];
                    shifted.ShiftedJacobianTimes(ModelCases.Step, x, basis, k, alpha, result);
                    AssertClose(expected, result, 1e-12, 1e-12, $"{family} N={n} {parameters} α={alpha} k={k}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Results_do_not_depend_on_earlier_calls_at_other_states(ModelFamily family, string parameters)
    {
        // The models keep their statistics at the last (t, x) they saw: interleaved states, steps and a state changed in
        // place must each give exactly what a fresh network computes for that call alone.
        const int n = 17;
        var parsed = ModelCases.Parse(parameters);
        var used = Create(family, n, parsed);
        var d = used.Dimension;
        var x = RandomState(d, 31);
        var y = RandomState(d, 32);
        var changing = (double[])x.Clone();
        var basis = RandomState(d * 3, 33, 1.0);
        const long t = ModelCases.Step;
        var calls = new (string Name, Func<IRecurrentNetwork, double[]> Call)[]
        {
            ("F(t, x)", s => Evaluated(s, t, x)),
            ("DF(t, x)V", s => Tangent(s, t, x, basis)),
            ("F(t, y)", s => Evaluated(s, t, y)),
            ("DF(t, x)V again", s => Tangent(s, t, x, basis)),
            ("DF(t + 1, x)V", s => Tangent(s, t + 1, x, basis)),
            ("F(t + 1, x)", s => Evaluated(s, t + 1, x)),
            ("J(t, x)", s => DenseJacobian(s, t, x)),
            ("F(t, x) in place", s => SteppedInPlace(s, t, changing)),
            ("DF(t, x') after the in-place step", s => Tangent(s, t, changing, basis)),
            ("tr J(t, y)", s => s is IHasJacobianTrace traced ? [traced.JacobianTrace(t, y)] : []),
            ("(I + αJ(t, y))V", s => Shifted(s, t, y, basis)),
            ("F(t, y) again", s => Evaluated(s, t, y)),
        };
        foreach (var (name, call) in calls)
        {
            // The in-place call must see the state it is given, so the fresh network starts from the same buffer contents.
            var before = (double[])changing.Clone();
            var actual = call(used);
            var after = (double[])changing.Clone();
            before.CopyTo(changing, 0);
            var expected = call(Create(family, n, parsed));
            after.CopyTo(changing, 0);
            Assert.True(expected.SequenceEqual(actual), $"{family} {parameters}: {name} differs from a fresh network's");
        }
    }

    public static TheoryData<ModelFamily, string> Cases => ModelCases.All;

    /// <summary>The flow families' cases: rate and gated implement the trace and the fused Euler tangent.</summary>
    public static TheoryData<ModelFamily, string> FlowCases
    {
        get
        {
            var flows = new TheoryData<ModelFamily, string>();
            foreach (var row in ModelCases.All)
            {
                var family = (ModelFamily)row[0];
                if (family is ModelFamily.Rate or ModelFamily.Gated)
                {
                    flows.Add(family, (string)row[1]);
                }
            }

            return flows;
        }
    }

    private static double[] Evaluated(IDynamicalSystem system, long t, double[] x)
    {
        var result = new double[system.Dimension];
        system.Evaluate(t, x, result);
        return result;
    }

    private static double[] SteppedInPlace(IDynamicalSystem system, long t, double[] x)
    {
        system.Evaluate(t, x, x);
        return (double[])x.Clone();
    }

    private static double[] Tangent(IDynamicalSystem system, long t, double[] x, double[] basis)
    {
        var columns = basis.Length / system.Dimension;
        var result = new double[basis.Length];
        system.JacobianTimes(t, x, basis, columns, result);
        return result;
    }

    private static double[] Shifted(IDynamicalSystem system, long t, double[] x, double[] basis)
    {
        if (system is not IHasShiftedTangent shifted)
        {
            return [];
        }

        var result = new double[basis.Length];
        shifted.ShiftedJacobianTimes(t, x, basis, basis.Length / system.Dimension, 0.1, result);
        return result;
    }

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
