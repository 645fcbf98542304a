using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

public class NetworkFactoryTests
{
    public static TheoryData<ModelFamily, string> Cases => ModelCases.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Same_streams_give_bit_identical_trajectories(ModelFamily family, string parameters)
    {
        var values = ModelCases.Parse(parameters);
        var a = Create(family, 17, values, seed: 3, realization: 1);
        var b = Create(family, 17, values, seed: 3, realization: 1);
        Assert.Equal(Trajectory(a, 40), Trajectory(b, 40));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Another_realization_gives_another_network(ModelFamily family, string parameters)
    {
        var values = ModelCases.Parse(parameters);
        var a = Trajectory(Create(family, 17, values, seed: 3, realization: 0), 5);
        var b = Trajectory(Create(family, 17, values, seed: 3, realization: 1), 5);
        var start = Create(family, 17, values).Dimension;
        Assert.NotEqual(a[start..], b[start..]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stepping_in_place_equals_stepping_into_another_buffer(ModelFamily family, string parameters)
    {
        var network = Create(family, 17, ModelCases.Parse(parameters));
        foreach (var system in new IDynamicalSystem[] { network, network.StepMap })
        {
            var x = RandomState(network.Dimension, 21, 1.0);
            var separate = new double[x.Length];
            system.Evaluate(ModelCases.Step, x, separate);
            system.Evaluate(ModelCases.Step, x, x);
            Assert.Equal(separate, x);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Building_and_running_a_network_never_advances_its_streams(ModelFamily family, string parameters)
    {
        // Networks only fork their streams, so one NetworkStreams can build identical networks again.
        var streams = NetworkStreams.For(5, "positions", 0);
        var network = NetworkFactory.Create(new NetworkSpec(family, 9, ModelCases.Parse(parameters)), streams, Kernels);
        var x = RandomState(network.Dimension, 1);
        network.StepMap.Evaluate(ModelCases.Step, x, x);
        Assert.Equal(0UL, streams.Network.Position);
        Assert.Equal(0UL, streams.Inputs.Position);
        Assert.Equal(0UL, streams.UntiedWeights.Position);
    }

    [Fact]
    public void Same_streams_give_bit_identical_weights()
    {
        var parameters = P(("gZ", 2.0));
        var a = (GruNetwork)Create(ModelFamily.Gru, 30, parameters, seed: 9);
        var b = (GruNetwork)Create(ModelFamily.Gru, 30, parameters, seed: 9);
        var c = (GruNetwork)Create(ModelFamily.Gru, 30, parameters, seed: 9, realization: 2);
        Assert.True(a.UpdateWeights.SequenceEqual(b.UpdateWeights));
        Assert.True(a.ResetWeights.SequenceEqual(b.ResetWeights));
        Assert.True(a.CandidateWeights.SequenceEqual(b.CandidateWeights));
        Assert.False(a.CandidateWeights.SequenceEqual(c.CandidateWeights));
    }

    [Theory]
    [InlineData(ModelFamily.Vanilla, 1, 1.0)]
    [InlineData(ModelFamily.Rate, 1, 0.05)]
    [InlineData(ModelFamily.Minimal, 1, 1.0)]
    [InlineData(ModelFamily.Gru, 1, 1.0)]
    [InlineData(ModelFamily.Lstm, 2, 1.0)]
    [InlineData(ModelFamily.Gated, 3, 0.05)]
    public void Layout_time_kind_and_step_follow_the_family(ModelFamily family, int statesPerUnit, double timeStep)
    {
        var network = Create(family, 8, P());
        Assert.Equal(family, network.Family);
        Assert.Equal(8, network.Units);
        Assert.Equal(statesPerUnit * 8, network.Dimension);
        Assert.Equal(ModelCatalog.StateDimension(family, 8), network.Dimension);
        Assert.Equal(ModelCatalog.IsContinuous(family) ? TimeKind.Continuous : TimeKind.Discrete, network.Time);
        Assert.Equal(TimeKind.Discrete, network.StepMap.Time);
        Assert.Equal(network.Dimension, network.StepMap.Dimension);
        Assert.Equal(timeStep, network.StepMap.TimeStep);
        Assert.Equal(ModelCatalog.ParametersOf(family).Count, network.Parameters.Count);
        if (!ModelCatalog.IsContinuous(family))
        {
            Assert.Same(network, network.StepMap);
        }
    }

    [Theory]
    [InlineData(ModelFamily.Vanilla, "", true)]
    [InlineData(ModelFamily.Vanilla, "R=1", true)]
    [InlineData(ModelFamily.Vanilla, "R=1;sigmaV2=1", false)]
    [InlineData(ModelFamily.Vanilla, "untied=1", false)]
    [InlineData(ModelFamily.Minimal, "", false)]
    [InlineData(ModelFamily.Minimal, "R=0", true)]
    [InlineData(ModelFamily.Minimal, "R=0;untied=1", false)]
    [InlineData(ModelFamily.Rate, "", true)]
    [InlineData(ModelFamily.Gru, "", true)]
    [InlineData(ModelFamily.Lstm, "", true)]
    [InlineData(ModelFamily.Gated, "", true)]
    public void Autonomy_is_lost_only_to_inputs_that_enter_or_to_untied_weights(ModelFamily family, string parameters, bool autonomous) =>
        Assert.Equal(autonomous, Create(family, 6, ModelCases.Parse(parameters)).IsAutonomous);

    [Fact]
    public void Partial_parameters_are_completed_with_catalog_defaults()
    {
        var network = Create(ModelFamily.Gated, 4, P(("alphaZ", 5.0)));
        Assert.Equal(5.0, network.Parameters["alphaZ"]);
        Assert.Equal(3.0, network.Parameters["gH"]);
        Assert.Equal(0.05, network.Parameters["dt"]);
    }

    [Theory]
    [InlineData("notAParameter=1")]
    [InlineData("alphaZ=-1")]
    [InlineData("integrator=2")]
    [InlineData("integrator=0.5")]
    [InlineData("tauZ=0")]
    public void Unknown_or_out_of_range_parameters_are_rejected(string parameters) =>
        Assert.ThrowsAny<ArgumentException>(() => Create(ModelFamily.Gated, 4, ModelCases.Parse(parameters)));

    [Fact]
    public void A_network_needs_at_least_one_unit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(ModelFamily.Rate, 0, P()));

    [Fact]
    public void Streams_for_a_cell_differ_by_role()
    {
        var streams = NetworkStreams.For(1, "cell", 0);
        Assert.Equal(StreamKeys.Derive(1, "cell", 0, StreamRole.Network), streams.Network.Key);
        Assert.Equal(StreamKeys.Derive(1, "cell", 0, StreamRole.Inputs), streams.Inputs.Key);
        Assert.Equal(StreamKeys.Derive(1, "cell", 0, StreamRole.UntiedWeights), streams.UntiedWeights.Key);
        Assert.NotEqual(streams.Network.Key, streams.Inputs.Key);
    }

    /// <summary>The initial state and <paramref name="steps"/> iterates of the step map, concatenated.</summary>
    private static double[] Trajectory(IRecurrentNetwork network, int steps)
    {
        var d = network.Dimension;
        var path = new double[(steps + 1) * d];
        var state = new double[d];
        network.InitialState(new RandomStream(77), 0.8, state);
        state.CopyTo(path, 0);
        for (var t = 1; t <= steps; t++)
        {
            network.StepMap.Evaluate(t, state, state);
            state.CopyTo(path, t * d);
        }

        return path;
    }
}
