using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

/// <summary>The gated model's <c>tauR</c>: 0 is the adiabatic reset gate; 0 &lt; τ_r &lt; dt is an error naming the field.</summary>
public class ResetGateTests
{
    [Fact]
    public void Accepts_tauR_zero_as_the_adiabatic_reset_gate()
    {
        var spec = Parse(With("parameters.tauR", "0"));
        Assert.Equal(0.0, spec.Spec.Parameters["tauR"]);
    }

    [Fact]
    public void Rejects_a_fixed_tauR_below_the_step()
    {
        var error = SingleError(With("parameters.dt", "0.05", With("parameters.tauR", "0.01")), "parameters.tauR");
        Assert.Contains("tauR = 0", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_swept_tauR_below_the_step()
    {
        var error = SingleError(With("grid.tauR", """{ "values": [0, 0.02, 1] }"""), "grid.tauR");
        Assert.Contains("0.02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_negative_tauR_naming_the_field() =>
        SingleError(With("parameters.tauR", "-1"), "parameters.tauR");
}
