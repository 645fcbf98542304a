namespace OrleansSweep.Science.Spectra;

/// <summary>Settings of the Jacobian eigen-spectrum sampled along an attractor.</summary>
/// <remarks>
/// Defaults follow science.md §C (PRX recommended): 5 samples 0.05 time units apart after a transient of 200; times are
/// rounded to whole steps of the network's step map (at least one step between samples).
/// <para>
/// Slow modes (§B.2 item 2, §B.6): for flows an eigenvalue λ of the vector field's Jacobian is slow when |λ| &lt; ε;
/// for maps the marginal direction is λ ≈ 1, so an eigenvalue of the map's Jacobian is slow when |1 − λ| &lt; ε.
/// </para>
/// </remarks>
public sealed record SpectrumOptions
{
    /// <summary>States sampled on the attractor (one dense eigensolve each). Default 5.</summary>
    public int Samples { get; init; } = 5;

    /// <summary>Time between samples. Default 0.05 (§C).</summary>
    public double SampleSpacing { get; init; } = 0.05;

    /// <summary>Time iterated before the first sample. Default 200.</summary>
    public double TransientTime { get; init; } = 200.0;

    /// <summary>ε of the slow-mode count. Default 0.01 (§D cases 7, 15).</summary>
    public double SlowModeEpsilon { get; init; } = 0.01;

    /// <summary>Whether the pooled eigenvalues are returned (dimension × samples complex numbers). Default true.</summary>
    public bool KeepEigenvalues { get; init; } = true;

    /// <summary>Scale of the random initial state. Default 1.</summary>
    public double InitialStateScale { get; init; } = 1.0;

    /// <summary>A state component beyond ± this value (or non-finite) stops the run as Diverged. Default 1e8.</summary>
    public double DivergenceThreshold { get; init; } = 1e8;

    /// <summary>The options of science.md §C.</summary>
    public static SpectrumOptions Default { get; } = new();

    /// <summary>Throws when a setting is outside its admissible range (a caller error, not a numerical outcome).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Samples, 1, nameof(Samples));
        if (!double.IsFinite(SampleSpacing) || SampleSpacing < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleSpacing), SampleSpacing, "must be finite and non-negative");
        }

        if (!double.IsFinite(TransientTime) || TransientTime < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TransientTime), TransientTime, "must be finite and non-negative");
        }

        if (!double.IsFinite(SlowModeEpsilon) || SlowModeEpsilon <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SlowModeEpsilon), SlowModeEpsilon, "must be finite and positive");
        }

        if (!double.IsFinite(InitialStateScale) || InitialStateScale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialStateScale), InitialStateScale, "must be finite and non-negative");
        }

        if (!double.IsFinite(DivergenceThreshold) || DivergenceThreshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DivergenceThreshold), DivergenceThreshold, "must be finite and positive");
        }
    }
}
