namespace OrleansSweep.Science.Lyapunov;

/// <summary>Which phase-space volume rate <see cref="LyapunovResult.VolumeGrowthRate"/> holds.</summary>
public enum VolumeRateSource
{
    /// <summary>Not computed (k &lt; dimension, or the run did not finish).</summary>
    None,

    /// <summary>The time average of tr(∂f/∂x) of the flow along the trajectory, per time unit.</summary>
    VectorFieldTrace,

    /// <summary>
    /// The average of log|det ∂F/∂x| of the iterated map per step, divided by the time step. It is read off the QR of the
    /// full tangent basis (Σ log R_ii over a re-orthonormalisation interval equals Σ log|det J_t| over its steps), so
    /// Σλ matches it by construction: an identity of the QR method, not an independent check of the tangent map (that
    /// is tested against the dense Jacobian and finite differences separately).
    /// </summary>
    MapLogDeterminant,
}

/// <summary>The leading Lyapunov exponents of one trajectory and the diagnostics that judge them.</summary>
/// <remarks>
/// Exponents are per time unit (map exponents divided by the time step) and sorted in descending order. When
/// <see cref="Outcome"/> is not usable (Diverged, Cancelled) the numbers are NaN.
/// <para>
/// Kaplan–Yorke dimension from the partial spectrum: D = j + Σ_{i≤j} λ_i / |λ_{j+1}| with j the largest index whose
/// partial sum is ≥ 0 (D = 0 when λ_1 &lt; 0). When the partial sum never turns negative, D = k and
/// <see cref="KaplanYorkeIsLowerBound"/> is set. The entropy rate is the sum of the positive exponents (Pesin);
/// it is a lower bound when k &lt; dimension and λ_k &gt; 0.
/// </para>
/// <para>
/// <see cref="VolumeGrowthRate"/> is computed only when k equals the dimension: then Σλ must equal it (exactly for the
/// map's log-determinant, to O(dt^p) for the flow's trace with an order-p integrator).
/// </para>
/// </remarks>
public sealed record LyapunovResult
{
    public required AnalysisOutcome Outcome { get; init; }

    /// <summary>The k leading exponents per time unit, descending.</summary>
    public required IReadOnlyList<double> Spectrum { get; init; }

    /// <summary>λ_1 per time unit.</summary>
    public required double MaxExponent { get; init; }

    /// <summary>Σ_{i≤k} λ_i per time unit.</summary>
    public required double Sum { get; init; }

    public required double KaplanYorkeDimension { get; init; }

    /// <summary>True when the partial sum never turned negative, so the true dimension is at least k.</summary>
    public required bool KaplanYorkeIsLowerBound { get; init; }

    /// <summary>Σ max(λ_i, 0) per time unit (Pesin's upper bound on the Kolmogorov–Sinai entropy).</summary>
    public required double EntropyRate { get; init; }

    /// <summary>True when k &lt; dimension and λ_k &gt; 0, so further positive exponents may be missing.</summary>
    public required bool EntropyRateIsLowerBound { get; init; }

    /// <summary>λ_1 estimated separately in each averaging window, per time unit.</summary>
    public required IReadOnlyList<double> WindowMaxExponents { get; init; }

    /// <summary>Sample standard deviation of <see cref="WindowMaxExponents"/>.</summary>
    public required double WindowSpread { get; init; }

    /// <summary>WindowSpread / √windows: the convergence diagnostic compared with the tolerance.</summary>
    public required double StandardError { get; init; }

    /// <summary>λ_1 from the twin trajectory (NaN when disabled): an independent cross-check of the QR estimate.</summary>
    public required double TwinMaxExponent { get; init; }

    /// <summary>Sample standard deviation of the twin's per-window estimates (NaN when disabled).</summary>
    public required double TwinWindowSpread { get; init; }

    /// <summary>See <see cref="VolumeRateSource"/>; NaN when <see cref="VolumeSource"/> is None.</summary>
    public required double VolumeGrowthRate { get; init; }

    public required VolumeRateSource VolumeSource { get; init; }

    /// <summary>Time average of x_i² over the averaging period, per state component (length = dimension).</summary>
    public required IReadOnlyList<double> MeanSquareState { get; init; }

    /// <summary>The state at the end of the run (or at divergence/cancellation).</summary>
    public required IReadOnlyList<double> FinalState { get; init; }

    /// <summary>The averaging time actually used (whole windows of whole re-orthonormalisation intervals).</summary>
    public required double AveragingTime { get; init; }

    /// <summary>Steps of the map iterated in total (transient included).</summary>
    public required long Steps { get; init; }

    /// <summary>Time units per step of the iterated map.</summary>
    public required double TimeStep { get; init; }

    /// <summary>Steps between re-orthonormalisations.</summary>
    public required int StepsPerOrthonormalization { get; init; }

    /// <summary>Time (from the start of the run) at which the state became non-finite or exceeded the threshold; NaN otherwise.</summary>
    public required double DivergenceTime { get; init; }

    /// <summary>The dense-kernel implementation used ("openblas" or "managed").</summary>
    public required string Kernels { get; init; }
}
