using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// The phase-map columns a sweep can refine on, and the analysis that produces each: the measured metrics of
/// <see cref="CellMetrics"/>, the theory columns (<c>theory_*</c>) and <c>bistable</c>.
/// </summary>
/// <remarks>
/// The theory names mirror what <c>TheoryPredictions.For</c> emits across the six families (a test runs it and checks
/// this list covers them); a new theory value must be added here to become refinable. <c>bistable</c> (the flag from
/// two initial-condition scales, §E S1) is accepted without an analysis requirement: the analysis that will produce it
/// is not settled yet.
/// </remarks>
public static class RefinableMetrics
{
    /// <summary>The bistability flag column.</summary>
    public const string Bistable = "bistable";

    /// <summary>Prefix of the theory columns.</summary>
    public const string TheoryPrefix = "theory_";

    /// <summary>Theory value names (without the prefix) emitted by TheoryPredictions.</summary>
    public static IReadOnlyList<string> TheoryNames { get; } =
    [
        "alpha_r_tricritical", "assumes_adiabatic_reset", "assumes_untied_weights", "assumption_unmet", "c_star", "chi", "chi_1", "chi_c", "critical_sigma_w2", "delta0", "delta0_sampled",
        "delta0_sampled_se", "g_c", "g_fp", "isometry_variance_per_step", "lyapunov_max", "lyapunov_max_zero_fp",
        "q_h_star", "q_star", "relaxation_time", "relaxation_time_se", "saddle_node_sigma_w2", "stable_branches", "static_fp_exists", "transition_continuous", "xi",
        "zero_fp_line", "zero_fp_stable",
    ];

    /// <summary>Every refinable column name: measured metrics, theory columns, then <c>bistable</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. CellMetrics.Measured, .. TheoryNames.Select(n => TheoryPrefix + n), Bistable];

    /// <summary>Whether <paramref name="metric"/> is a refinable column.</summary>
    public static bool IsKnown(string metric) => Names.Contains(metric, StringComparer.Ordinal);

    /// <summary>
    /// The analysis (<see cref="AnalysisSettings.Names"/>) whose output holds <paramref name="metric"/>, or null when none
    /// is required. <c>theory_spectral_edge</c> is the random-matrix edge the spectrum analysis reports beside its
    /// measurement, so it needs the spectrum, not the theory analysis.
    /// </summary>
    public static string? RequiredAnalysis(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric switch
        {
            CellMetrics.SpectralRadius or CellMetrics.SpectralAbscissa or CellMetrics.SlowModeFraction or CellMetrics.RmtEdge =>
                AnalysisSettings.SpectrumName,
            _ when metric.StartsWith("fixed_points", StringComparison.Ordinal) => AnalysisSettings.FixedPointsName,
            _ when metric.StartsWith(TheoryPrefix, StringComparison.Ordinal) => AnalysisSettings.TheoryName,
            Bistable => null,
            _ => AnalysisSettings.LyapunovName,
        };
    }

    /// <summary>Whether <paramref name="analysis"/> is on in <paramref name="analyses"/>.</summary>
    internal static bool IsOn(AnalysisSettings analyses, string analysis) => analysis switch
    {
        AnalysisSettings.LyapunovName => analyses.Lyapunov is not null,
        AnalysisSettings.SpectrumName => analyses.Spectrum is not null,
        AnalysisSettings.FixedPointsName => analyses.FixedPoints is not null,
        AnalysisSettings.TheoryName => analyses.Theory is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(analysis), analysis, "not an analysis"),
    };
}
