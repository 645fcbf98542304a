namespace OrleansSweep.Science.Isometry;

/// <summary>Settings of <see cref="IsometryAnalysis"/> (discrete models; times in steps).</summary>
public sealed record IsometryOptions
{
    /// <summary>T, the length of the input–output Jacobian J_T = J_{t0+T−1}···J_{t0} (≥ 1). Default 10.</summary>
    public int Steps { get; init; } = 10;

    /// <summary>
    /// Number of T-step Jacobians, on consecutive windows of the trajectory after the averaging, whose moments are
    /// averaged (≥ 1). Default 4: one J_T of N = 200 fluctuates by ~10 % (T per-step factors each O(N^−1/2)).
    /// </summary>
    public int Samples { get; init; } = 4;

    /// <summary>Steps discarded before measuring (≥ 0). Default 100.</summary>
    public int TransientSteps { get; init; } = 100;

    /// <summary>Steps over which q, ⟨h²⟩, ⟨u²⟩, χ and c are time-averaged (≥ 1). Default 400.</summary>
    public int AveragingSteps { get; init; } = 400;

    /// <summary>Standard deviation of the two independent initial states, h(0) ~ N(0, s²). Default 1.</summary>
    public double InitialScale { get; init; } = 1.0;

    /// <summary>A state component above this (or non-finite) ends the run as diverged. Default 10⁸.</summary>
    public double DivergenceThreshold { get; init; } = 1e8;

    /// <summary>Throws for out-of-range settings (caller errors).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfNegative(TransientSteps, nameof(TransientSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(Samples, 1, nameof(Samples));
        ArgumentOutOfRangeException.ThrowIfLessThan(AveragingSteps, 1, nameof(AveragingSteps));
        if (!(InitialScale >= 0) || double.IsInfinity(InitialScale))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialScale), InitialScale, "must be finite and ≥ 0");
        }
    }
}
