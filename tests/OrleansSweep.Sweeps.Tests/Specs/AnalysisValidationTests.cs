using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class AnalysisValidationTests
{
    [Fact]
    public void An_empty_object_or_true_turns_an_analysis_on_with_its_defaults()
    {
        var analyses = Parse(With("analyses", """{ "lyapunov": {}, "spectrum": true, "fixedPoints": {}, "theory": true }""")).Spec.Analyses;
        Assert.Equal(new LyapunovSettings(), analyses.Lyapunov);
        Assert.Equal(new SpectrumSettings(), analyses.Spectrum);
        Assert.Equal(new FixedPointSettings(), analyses.FixedPoints);
        Assert.Equal(new TheorySettings(), analyses.Theory);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var lyapunov = new LyapunovSettings();
        Assert.Equal((10, 100.0, 200.0, 1.0, 1.0, 10, true), (lyapunov.Exponents, lyapunov.TransientTime, lyapunov.AveragingTime, lyapunov.OrthonormalizationInterval, lyapunov.InitialScale, lyapunov.Windows, lyapunov.TwinCheck));
        var spectrum = new SpectrumSettings();
        Assert.Equal((3, 5.0, 100.0, 0.01, false), (spectrum.Samples, spectrum.SampleInterval, spectrum.TransientTime, spectrum.SlowModeEpsilon, spectrum.AtFixedPoints));
        var fixedPoints = new FixedPointSettings();
        Assert.Equal((128, 0.5, 50, 1e-10, 1e-6), (fixedPoints.Starts, fixedPoints.TrajectoryStartFraction, fixedPoints.MaxIterations, fixedPoints.ResidualTolerance, fixedPoints.DuplicateTolerance));
        Assert.Equal([0.1, 1.0], fixedPoints.StartScales);
    }

    [Fact]
    public void Reads_every_knob()
    {
        var json = With("analyses", """
            {
              "lyapunov": { "exponents": 4, "transientTime": 50, "averagingTime": 300, "orthonormalizationInterval": 0.5,
                            "initialScale": 0.1, "windows": 5, "twinCheck": false },
              "spectrum": { "samples": 7, "sampleInterval": 2, "transientTime": 10, "slowModeEpsilon": 0.001, "atFixedPoints": true },
              "fixedPoints": { "starts": 64, "startScales": [0.5], "trajectoryStartFraction": 0, "maxIterations": 20,
                               "residualTolerance": 1e-12, "duplicateTolerance": 1e-8 }
            }
            """);
        var analyses = Parse(json).Spec.Analyses;
        Assert.Equal(new LyapunovSettings { Exponents = 4, TransientTime = 50, AveragingTime = 300, OrthonormalizationInterval = 0.5, InitialScale = 0.1, Windows = 5, TwinCheck = false }, analyses.Lyapunov);
        Assert.Equal(new SpectrumSettings { Samples = 7, SampleInterval = 2, TransientTime = 10, SlowModeEpsilon = 0.001, AtFixedPoints = true }, analyses.Spectrum);
        Assert.Equal(new FixedPointSettings { Starts = 64, StartScales = [0.5], TrajectoryStartFraction = 0, MaxIterations = 20, ResidualTolerance = 1e-12, DuplicateTolerance = 1e-8 }, analyses.FixedPoints);
        Assert.Null(analyses.Theory);
    }

    [Fact]
    public void False_turns_an_analysis_off() =>
        Assert.Null(Parse(With("analyses.lyapunov", "false")).Spec.Analyses.Lyapunov);

    [Fact]
    public void Suggests_the_nearest_analysis()
    {
        var error = SingleError(With("analyses.lyapunow", "{}"), "analyses.lyapunow");
        Assert.Contains("did you mean 'lyapunov'?", error.Message);
    }

    [Theory]
    [InlineData("lyapunov", "exponent", "exponents")]
    [InlineData("spectrum", "sample", "samples")]
    [InlineData("fixedPoints", "startscale", "startScales")]
    public void Suggests_the_nearest_knob(string analysis, string written, string nearest)
    {
        var error = SingleError(With($"analyses.{analysis}", $$"""{ "{{written}}": 1 }"""), $"analyses.{analysis}.{written}");
        Assert.Contains($"did you mean '{nearest}'?", error.Message);
        Assert.Contains($"rename it to '{nearest}'", error.Fix);
    }

    [Fact]
    public void Theory_has_no_knobs()
    {
        var error = SingleError(With("analyses.theory", """{ "order": 2 }"""), "analyses.theory.order");
        Assert.Contains("has no knobs", error.Fix);
    }

    [Fact]
    public void Requires_at_least_one_analysis_on()
    {
        var error = SingleError(With("analyses", """{ "lyapunov": false }"""), "analyses");
        Assert.Contains("no analysis", error.Message);
        Assert.Contains("lyapunov", error.Fix);
    }

    [Fact]
    public void Rejects_an_analysis_that_is_neither_an_object_nor_a_flag() =>
        Assert.Contains("{}", SingleError(With("analyses.theory", "1"), "analyses.theory").Fix);

    [Theory]
    [InlineData("lyapunov.exponents", "0")]
    [InlineData("lyapunov.averagingTime", "0")]
    [InlineData("lyapunov.transientTime", "-1")]
    [InlineData("lyapunov.windows", "1")]
    [InlineData("lyapunov.twinCheck", "\"yes\"")]
    [InlineData("spectrum.samples", "0")]
    [InlineData("spectrum.slowModeEpsilon", "0")]
    [InlineData("fixedPoints.trajectoryStartFraction", "1.5")]
    [InlineData("fixedPoints.startScales", "[]")]
    [InlineData("fixedPoints.maxIterations", "2.5")]
    [InlineData("fixedPoints.residualTolerance", "-1e-9")]
    public void Rejects_knobs_out_of_range(string knob, string value)
    {
        var error = SingleError(With($"analyses.{knob}", value), $"analyses.{knob}");
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Fact]
    public void Reports_a_bad_start_scale_by_index() =>
        SingleError(With("analyses.fixedPoints.startScales", "[0.1, -1]"), "analyses.fixedPoints.startScales[1]");

    [Fact]
    public void Limits_exponents_to_the_state_dimension()
    {
        // gated: D = 3N = 9 at n = 3.
        var error = SingleError(With("n", "3", With("analyses.lyapunov.exponents", "10")), "analyses.lyapunov.exponents");
        Assert.Contains("D = 9", error.Message);
        Assert.Contains("D = 3N", error.Message);
        Assert.Contains("at most 9", error.Fix);
        Assert.NotNull(Parse(With("n", "3", With("analyses.lyapunov.exponents", "9"))));
    }

    [Fact]
    public void Limits_exponents_at_the_smallest_n_of_an_n_axis()
    {
        var json = With("grid.n", """{ "values": [20, 2] }""", With("n", null, With("analyses.lyapunov.exponents", "7")));
        var error = SingleError(json, "analyses.lyapunov.exponents");
        Assert.Contains("at n = 2", error.Message);
    }

    [Fact]
    public void Needs_an_orthonormalization_in_every_window()
    {
        var error = SingleError(With("analyses.lyapunov", """{ "averagingTime": 5, "windows": 10 }"""), "analyses.lyapunov.windows");
        Assert.Contains("fewer windows", error.Fix);
    }

    [Fact]
    public void Spectra_at_fixed_points_need_the_fixed_point_analysis()
    {
        var error = SingleError(With("analyses.spectrum", """{ "atFixedPoints": true }"""), "analyses.spectrum.atFixedPoints");
        Assert.Contains("\"fixedPoints\": {}", error.Fix);
        Assert.NotNull(Parse(With("analyses.fixedPoints", "{}", With("analyses.spectrum", """{ "atFixedPoints": true }"""))));
    }
}
