namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Knobs of the Lyapunov analysis: the k leading exponents by the QR (Benettin) method, averaged over windows for an
/// error bar, with an optional twin trajectory that cross-checks λ_max (science.md §C, PRX "Lyapunov spectra").
/// JSON: <c>"lyapunov": {"exponents": 3}</c>; knobs left out take the defaults below.
/// </summary>
/// <remarks>
/// Time is in the model's own units: τ_h = 1 for flows (rate, gated), one step for maps (vanilla, minimal, gru,
/// lstm); it is converted to whole steps of the iterated map (rounded, at least one). Exponents are per time unit.
/// Validation also requires k ≤ the state dimension D at the smallest N of the sweep, and at least one
/// re-orthonormalisation per window (averagingTime / windows ≥ orthonormalizationInterval).
/// </remarks>
public sealed record LyapunovSettings
{
    public const int DefaultExponents = 10;
    public const double DefaultTransientTime = 100.0;
    public const double DefaultAveragingTime = 200.0;
    public const double DefaultOrthonormalizationInterval = 1.0;
    public const double DefaultInitialScale = 1.0;
    public const int DefaultWindows = 10;
    public const bool DefaultTwinCheck = true;

    /// <summary>k, the number of leading exponents (1 ≤ k ≤ D). Default 10.</summary>
    public int Exponents { get; init; } = DefaultExponents;

    /// <summary>Time discarded before averaging starts (≥ 0). Default 100.</summary>
    public double TransientTime { get; init; } = DefaultTransientTime;

    /// <summary>Time over which the exponents are averaged (&gt; 0). Default 200.</summary>
    public double AveragingTime { get; init; } = DefaultAveragingTime;

    /// <summary>Time between QR re-orthonormalisations of the tangent basis (&gt; 0). Default 1.</summary>
    public double OrthonormalizationInterval { get; init; } = DefaultOrthonormalizationInterval;

    /// <summary>Standard deviation s of the random initial state, h_i(0) ~ N(0, s²) (≥ 0). Default 1.</summary>
    public double InitialScale { get; init; } = DefaultInitialScale;

    /// <summary>
    /// Several initial-state scales s_1, s_2, … (each ≥ 0), or null for the single <see cref="InitialScale"/>. Every
    /// realisation runs the analysis once per scale on the same network, from the same Gaussian direction scaled by s_i;
    /// the headline columns come from the first scale, <c>lyapunov_max_scale_i</c> and <c>mean_square_activity_scale_i</c>
    /// (i = 1, 2, … by position) from each, and <c>bistable</c> is the fraction of realisations whose scales ended on
    /// different attractors (<see cref="Science.Lyapunov.Bistability"/>). When absent the knob is not part of the cell
    /// id, so specs without it keep their cell ids and numbers. JSON: <c>"initialScales": [1, 0.01]</c>.
    /// </summary>
    public IReadOnlyList<double>? InitialScales { get; init; }

    /// <summary>The scales actually run: <see cref="InitialScales"/>, or the single <see cref="InitialScale"/>.</summary>
    public IReadOnlyList<double> ScalesToRun => InitialScales ?? [InitialScale];

    /// <summary>
    /// Equal windows the averaging time is split into; the spread of the per-window λ_max gives its standard error
    /// (≥ 2). Default 10.
    /// </summary>
    public int Windows { get; init; } = DefaultWindows;

    /// <summary>Whether a renormalised twin trajectory cross-checks λ_max. Default true.</summary>
    public bool TwinCheck { get; init; } = DefaultTwinCheck;

    internal const string InitialScalesName = "initialScales";

    internal static IReadOnlyList<string> KnobNames { get; } = [.. new LyapunovSettings().Knobs().Select(k => k.Name), InitialScalesName];

    // initialScales is listed only when set (and then replaces initialScale), so the canonical text and the cell id of
    // a spec without it are unchanged, and the canonical spec never holds both.
    internal IReadOnlyList<Knob> Knobs() => InitialScales is null
        ? BaseKnobs()
        : [.. BaseKnobs().Where(k => k.Name != "initialScale"), new(InitialScalesName, InitialScales)];

    private List<Knob> BaseKnobs() =>
    [
        new("exponents", Exponents),
        new("transientTime", TransientTime),
        new("averagingTime", AveragingTime),
        new("orthonormalizationInterval", OrthonormalizationInterval),
        new("initialScale", InitialScale),
        new("windows", Windows),
        new("twinCheck", TwinCheck),
    ];
}
