namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// The metric columns a cell reports, in the phase map's documented order. Each measured value is the mean over
/// realisations; <c>_sem</c> is its standard error (null with one realisation), <c>_min</c>/<c>_max</c> the
/// extremes. Theory values (<c>theory_*</c>) sit beside the measurements they predict.
/// </summary>
/// <remarks>
/// Units: Lyapunov exponents per time unit (continuous models: units of τ_h = 1; discrete: per step).
/// spectral_radius is reported for maps, spectral_abscissa for flows (both are always computed).
/// </remarks>
public static class CellMetrics
{
    public const string LyapunovMax = "lyapunov_max";
    public const string LyapunovSum = "lyapunov_sum";
    public const string KaplanYorke = "kaplan_yorke_dimension";
    public const string EntropyRate = "entropy_rate";
    public const string LyapunovWindowSpread = "lyapunov_max_window_spread";
    public const string LyapunovTwinMax = "lyapunov_twin_max";
    public const string LyapunovConverged = "lyapunov_converged_fraction";
    public const string MeanSquareActivity = "mean_square_activity";

    /// <summary>Fraction of realisations whose initial scales ended on different attractors (needs initialScales).</summary>
    public const string Bistable = "bistable";
    public const string SpectralRadius = "spectral_radius";
    public const string SpectralAbscissa = "spectral_abscissa";
    public const string SlowModeFraction = "slow_mode_fraction";
    public const string RmtEdge = "theory_spectral_edge";
    public const string FixedPoints = "fixed_points";
    public const string FixedPointsStable = "fixed_points_stable";
    public const string FixedPointsMaxIndex = "fixed_points_max_index";
    public const string FixedPointsFailedStarts = "fixed_points_failed_starts";
    public const string FixedPointsSlowRejected = "fixed_points_slow_points_rejected";
    public const string FixedPointsSingletons = "fixed_points_singletons";
    public const string IsometryQ = "isometry_q";
    public const string IsometryStateSecondMoment = "isometry_state_second_moment";
    public const string IsometryGateSecondMoment = "isometry_gate_second_moment";
    public const string IsometryChi = "isometry_chi";
    public const string IsometryCorrelation = "isometry_c";
    public const string IsometrySv2Mean = "isometry_sv2_mean";
    public const string IsometrySv2Variance = "isometry_sv2_variance";
    public const string IsometrySteps = "isometry_steps";

    /// <summary>Measured metrics in column order (each followed by its _sem/_min/_max companions).</summary>
    public static IReadOnlyList<string> Measured { get; } =
    [
        LyapunovMax, LyapunovSum, KaplanYorke, EntropyRate, LyapunovWindowSpread, LyapunovTwinMax, LyapunovConverged,
        MeanSquareActivity, Bistable, SpectralRadius, SpectralAbscissa, SlowModeFraction, RmtEdge,
        FixedPoints, FixedPointsStable, FixedPointsMaxIndex, FixedPointsFailedStarts, FixedPointsSlowRejected, FixedPointsSingletons,
        IsometryQ, IsometryStateSecondMoment, IsometryGateSecondMoment, IsometryChi, IsometryCorrelation, IsometrySv2Mean,
        IsometrySv2Variance, IsometrySteps,
    ];

    /// <summary>Every column name in documented order: each measured metric with its companions, then theory.</summary>
    public static IReadOnlyList<string> DocumentedOrder { get; } =
        Measured.SelectMany(m => new[] { m, m + "_sem", m + "_min", m + "_max" }).ToList();
}
