namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Knobs of the Jacobian-spectrum analysis: eigenvalues of the dense D×D state-to-state Jacobian at states sampled
/// along a trajectory after a transient (science.md §C, PRX "Jacobian spectra"; MSML GRU/LSTM spectra), giving the
/// spectral radius, the rightmost eigenvalue and the share of slow modes.
/// JSON: <c>"spectrum": {"samples": 5}</c>; knobs left out take the defaults below.
/// </summary>
/// <remarks>
/// Time is in the model's own units (τ_h = 1 for flows, one step for maps), converted to whole steps. Each sample
/// costs one dense nonsymmetric eigensolve, O(D³) time and about 4·D² doubles of memory.
/// </remarks>
public sealed record SpectrumSettings
{
    public const int DefaultSamples = 3;
    public const double DefaultSampleInterval = 5.0;
    public const double DefaultTransientTime = 100.0;
    public const double DefaultSlowModeEpsilon = 0.01;
    public const bool DefaultAtFixedPoints = false;

    /// <summary>Number of states along the trajectory at which the spectrum is computed (≥ 1). Default 3.</summary>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>Time between two samples (&gt; 0). Default 5.</summary>
    public double SampleInterval { get; init; } = DefaultSampleInterval;

    /// <summary>Time discarded before the first sample (≥ 0). Default 100.</summary>
    public double TransientTime { get; init; } = DefaultTransientTime;

    /// <summary>
    /// An eigenvalue is a slow mode when |λ| &lt; ε for a flow, or |λ − 1| &lt; ε for a map (science.md §D cases 7 and
    /// 15) (&gt; 0). Default 0.01.
    /// </summary>
    public double SlowModeEpsilon { get; init; } = DefaultSlowModeEpsilon;

    /// <summary>
    /// Whether to compute the spectrum also at every fixed point found by the fixedPoints analysis, which must then
    /// be on. Default false.
    /// </summary>
    public bool AtFixedPoints { get; init; } = DefaultAtFixedPoints;

    internal static IReadOnlyList<string> KnobNames { get; } = [.. new SpectrumSettings().Knobs().Select(k => k.Name)];

    internal IReadOnlyList<Knob> Knobs() =>
    [
        new("samples", Samples),
        new("sampleInterval", SampleInterval),
        new("transientTime", TransientTime),
        new("slowModeEpsilon", SlowModeEpsilon),
        new("atFixedPoints", AtFixedPoints),
    ];
}
