using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Theory;

/// <summary>
/// The per-cell entry point of the theory layer: every prediction the science brief makes for a parameter point of a
/// model family, each with its own status (§B, §E "theory layers").
/// </summary>
/// <remarks>
/// <para>Names by family (columns <c>theory_&lt;name&gt;</c>):</para>
/// <list type="bullet">
/// <item>vanilla (§B.7): assumes_untied_weights, assumption_unmet, q_star, chi_1, c_star, chi_c, xi, q_h_star (⟨h²⟩ at q*),
/// critical_sigma_w2, isometry_variance_per_step (μ_2/μ_1² − 1 + s_W).</item>
/// <item>minimal (§B.7): assumes_untied_weights, assumption_unmet, q_star, q_h_star, chi, c_star, chi_c, xi,
/// stable_branches, critical_sigma_w2, saddle_node_sigma_w2.</item>
/// <item>rate (§B.3–B.4): zero_fp_stable, delta0 (⟨x²⟩), lyapunov_max.</item>
/// <item>gated (§B.2–B.5): zero_fp_line, zero_fp_stable, lyapunov_max_zero_fp, g_fp, transition_continuous,
/// alpha_r_tricritical, static_fp_exists, assumes_adiabatic_reset, assumption_unmet, g_c, delta0 (⟨h²⟩), lyapunov_max,
/// stable_branches (2 where the chaotic solution coexists with a stable zero fixed point; delta0 and lyapunov_max are then
/// the chaotic branch, noted in their status) — the DMFT values only for α_z = 0 (Gaussian case; τ_r → 0 noted as an
/// approximation when τ_r &gt; 0); delta0_sampled, delta0_sampled_se, relaxation_time, relaxation_time_se (sampled DMFT).</item>
/// <item>gru (§B.6): zero_fp_line, zero_fp_stable, lyapunov_max_zero_fp (per step), g_fp, transition_continuous,
/// static_fp_exists, lyapunov_max (not applicable).</item>
/// <item>lstm: zero_fp_stable, lyapunov_max_zero_fp (derived here, see the LSTM part), g_fp and lyapunov_max (not
/// applicable).</item>
/// <item>T-step isometry values (<see cref="Isometry"/>, with the isometry analysis): isometry_sv2_mean,
/// isometry_sv2_variance, gate_second_moment.</item>
/// </list>
/// <para>
/// Cost (one core): CPS cells take well under 10 ms (the minimalRNN critical line ~20 ms); a gated cell with α_z = 0
/// takes ~15–160 ms for the DMFT plus, once per (α_r, b_r), ~25–600 ms for g_c (memoised in-process). Flags are 1/0.
/// Non-convergence is reported per value.
/// </para>
/// </remarks>
public static partial class TheoryPredictions
{
    /// <summary>All predictions for one cell. <paramref name="resolvedParameters"/> must hold every parameter of the
    /// family (see <see cref="ModelCatalog.Resolve"/>).</summary>
    public static TheoryValues For(ModelFamily family, IReadOnlyDictionary<string, double> resolvedParameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolvedParameters);
        var values = new List<TheoryValue>();
        switch (family)
        {
            case ModelFamily.Vanilla:
                AddVanilla(values, resolvedParameters, ct);
                break;
            case ModelFamily.Minimal:
                AddMinimal(values, resolvedParameters, ct);
                break;
            case ModelFamily.Rate:
                AddRate(values, resolvedParameters, ct);
                break;
            case ModelFamily.Gated:
                AddGated(values, resolvedParameters, ct);
                break;
            case ModelFamily.Gru:
                AddGru(values, resolvedParameters, ct);
                break;
            case ModelFamily.Lstm:
                AddLstm(values, resolvedParameters);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown model family.");
        }

        return new TheoryValues(values);
    }

    private static double Parameter(IReadOnlyDictionary<string, double> parameters, string name) =>
        parameters.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"The resolved parameters lack '{name}'.", nameof(parameters));

    private static TheoryValue Solved(string name, double value, string? note = null) => new(name, value, AnalysisOutcome.Converged, note);

    private static TheoryValue Flag(string name, bool value) => new(name, value ? 1 : 0, AnalysisOutcome.Converged);

    private static TheoryValue NotApplicable(string name, string reason) => new(name, null, AnalysisOutcome.NotApplicable(reason));

    /// <summary>A value from an analysis outcome: the value when usable, null otherwise.</summary>
    private static TheoryValue From(string name, double value, AnalysisOutcome outcome, string? note = null) =>
        new(name, outcome.IsUsable && !double.IsNaN(value) ? value : null, outcome, outcome.IsUsable ? note : null);

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
