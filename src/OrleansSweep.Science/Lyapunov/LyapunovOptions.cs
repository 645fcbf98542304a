namespace OrleansSweep.Science.Lyapunov;

/// <summary>
/// Settings of the QR (Benettin) estimate of the leading Lyapunov exponents. All times are in the system's time units
/// (τ_h = 1 for flows, steps for discrete networks) and are converted to whole steps of the iterated map.
/// </summary>
/// <remarks>
/// Defaults follow the recommended PRX settings of science.md §C: transient 200, averaging 300, re-orthonormalisation
/// every time unit (every step for discrete networks), k = 10 exponents.
/// <para>
/// Phases: the state alone is iterated for <see cref="TransientTime"/> − <see cref="BasisWarmupTime"/>; then the tangent
/// basis and the twin trajectory are propagated for <see cref="BasisWarmupTime"/> without accumulating, so that the
/// basis aligns with the leading Oseledets directions; then <see cref="AveragingTime"/> is split into
/// <see cref="Windows"/> equal windows of whole re-orthonormalisation intervals (rounded up) and averaged.
/// </para>
/// <para>
/// Convergence: the λ_max estimates of the windows are treated as independent samples; the run is
/// <see cref="AnalysisStatus.Converged"/> iff their standard error (sample standard deviation / √windows) is at most
/// max(<see cref="ConvergenceTolerance"/>, <see cref="RelativeConvergenceTolerance"/>·|λ_max|).
/// </para>
/// </remarks>
public sealed record LyapunovOptions
{
    /// <summary>The number k of leading exponents (clipped to the state dimension). Default 10.</summary>
    public int Exponents { get; init; } = 10;

    /// <summary>Time discarded before averaging (includes <see cref="BasisWarmupTime"/>). Default 200.</summary>
    public double TransientTime { get; init; } = 200.0;

    /// <summary>The last part of the transient during which the tangent basis and the twin align. Default 20.</summary>
    public double BasisWarmupTime { get; init; } = 20.0;

    /// <summary>Time over which the exponents are averaged (rounded up to whole windows). Default 300.</summary>
    public double AveragingTime { get; init; } = 300.0;

    /// <summary>
    /// t_ONS: time between re-orthonormalisations (QR of the tangent basis and renormalisation of the twin);
    /// rounded to max(1, round(t_ONS / TimeStep)) steps. Default 1.
    /// </summary>
    public double OrthonormalizationInterval { get; init; } = 1.0;

    /// <summary>Scale of the random initial state (used by the network overload). Default 1.</summary>
    public double InitialStateScale { get; init; } = 1.0;

    /// <summary>The number of windows of the convergence diagnostic (≥ 2). Default 10.</summary>
    public int Windows { get; init; } = 10;

    /// <summary>Absolute tolerance on the standard error of λ_max (per time unit). Default 0.005.</summary>
    public double ConvergenceTolerance { get; init; } = 0.005;

    /// <summary>Relative tolerance on the standard error of λ_max. Default 0.05.</summary>
    public double RelativeConvergenceTolerance { get; init; } = 0.05;

    /// <summary>A state component beyond ± this value (or non-finite) stops the run as Diverged. Default 1e8.</summary>
    public double DivergenceThreshold { get; init; } = 1e8;

    /// <summary>Whether to integrate the twin trajectory that cross-checks λ_max. Default true.</summary>
    public bool Twin { get; init; } = true;

    /// <summary>Initial (and renormalised) distance of the twin trajectory. Default 1e-8.</summary>
    public double TwinPerturbation { get; init; } = 1e-8;

    /// <summary>The options of science.md §C.</summary>
    public static LyapunovOptions Default { get; } = new();

    /// <summary>Throws when a setting is outside its admissible range (a caller error, not a numerical outcome).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Exponents, 1, nameof(Exponents));
        ThrowIfNotFiniteOrNegative(TransientTime, nameof(TransientTime));
        ThrowIfNotFiniteOrNegative(BasisWarmupTime, nameof(BasisWarmupTime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BasisWarmupTime, TransientTime, nameof(BasisWarmupTime));
        ThrowIfNotFinitePositive(AveragingTime, nameof(AveragingTime));
        ThrowIfNotFinitePositive(OrthonormalizationInterval, nameof(OrthonormalizationInterval));
        ThrowIfNotFiniteOrNegative(InitialStateScale, nameof(InitialStateScale));
        ArgumentOutOfRangeException.ThrowIfLessThan(Windows, 2, nameof(Windows));
        ThrowIfNotFiniteOrNegative(ConvergenceTolerance, nameof(ConvergenceTolerance));
        ThrowIfNotFiniteOrNegative(RelativeConvergenceTolerance, nameof(RelativeConvergenceTolerance));
        ThrowIfNotFinitePositive(DivergenceThreshold, nameof(DivergenceThreshold));
        ThrowIfNotFinitePositive(TwinPerturbation, nameof(TwinPerturbation));
    }

    private static void ThrowIfNotFinitePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite and positive");
        }
    }

    private static void ThrowIfNotFiniteOrNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite and non-negative");
        }
    }
}
