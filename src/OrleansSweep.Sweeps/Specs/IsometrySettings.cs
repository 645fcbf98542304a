namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Knobs of the dynamical-isometry analysis of the discrete models (science.md §B.7, §E S12): q, ⟨h²⟩, ⟨u²⟩ (minimal),
/// the one-step growth χ of ‖J v‖², the two-stream correlation c*, and the mean and variance of the squared singular
/// values of the T-step input–output Jacobian. JSON: <c>"isometry": {"steps": 10}</c>.
/// </summary>
/// <remarks>
/// Times are in steps. The weight ensemble is the model's own parameter <c>weights</c> (gaussian | orthogonal; sweep it
/// as an axis to compare), and <c>untied</c> = 1 gives the mean field's setting. Each J_T costs T·D³ flops (a dense
/// product); continuous models (rate, gated) are rejected by validation.
/// </remarks>
public sealed record IsometrySettings
{
    public const int DefaultSteps = 10;
    public const int DefaultTransientSteps = 100;
    public const int DefaultAveragingSteps = 400;
    public const int DefaultSamples = 4;

    /// <summary>T, the length of the input–output Jacobian (≥ 1). Default 10.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Steps discarded first (≥ 0). Default 100.</summary>
    public int TransientSteps { get; init; } = DefaultTransientSteps;

    /// <summary>Steps over which q, ⟨h²⟩, ⟨u²⟩, χ and c are averaged (≥ 8). Default 400.</summary>
    public int AveragingSteps { get; init; } = DefaultAveragingSteps;

    /// <summary>T-step Jacobians (consecutive windows) whose moments are averaged (≥ 1). Default 4.</summary>
    public int Samples { get; init; } = DefaultSamples;

    internal static IReadOnlyList<string> KnobNames { get; } = [.. new IsometrySettings().Knobs().Select(k => k.Name)];

    internal IReadOnlyList<Knob> Knobs() =>
    [
        new("steps", Steps),
        new("transientSteps", TransientSteps),
        new("averagingSteps", AveragingSteps),
        new("samples", Samples),
    ];
}
