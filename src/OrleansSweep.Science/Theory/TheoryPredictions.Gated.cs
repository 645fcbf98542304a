using OrleansSweep.Science.Theory.Dmft;
using OrleansSweep.Science.Theory.StaticMeanField;

namespace OrleansSweep.Science.Theory;

/// <summary>PRX gated RNN (§B.2, §B.3, §B.5).</summary>
/// <remarks>
/// The sampled DMFT (§B.3) supplies delta0_sampled, delta0_sampled_se, relaxation_time and relaxation_time_se for every
/// β_h = 0 cell, and delta0 itself when α_z &gt; 0 (h is then non-Gaussian). It runs with
/// <see cref="SampledDmftOptions.PerCell"/> through <see cref="SampledDmftCache"/>: ~0.1 s per cell for α_z = 0 (an exact
/// Gaussian closure, τ_r &gt; 0 included, so it also checks the τ_r → 0 approximation of delta0) and ~1–3 s for α_z &gt; 0
/// (slow-gate cells, whose correlations outlast the grid, end NotConverged after 40 iterations, ~4 s).
/// </remarks>
public static partial class TheoryPredictions
{
    private const string BiasReason = "theory implemented for β_h = 0 only: a bias removes the zero fixed point (§B.5)";
    private const string OnsetReason = "α_z > 0: the chaos onset would need a bisection of sampled DMFT solves (§B.3); not computed per cell";
    private const string LyapunovReason =
        "α_z > 0: the PRX expression for λ_max is not confirmed (§B.4, §F.1); the sampled DMFT gives delta0 and relaxation_time only";

    private static void AddGated(List<TheoryValue> values, IReadOnlyDictionary<string, double> parameters, CancellationToken ct)
    {
        var gH = Parameter(parameters, "gH");
        var alphaZ = Parameter(parameters, "alphaZ");
        var alphaR = Parameter(parameters, "alphaR");
        var bZ = Parameter(parameters, "bZ");
        var bR = Parameter(parameters, "bR");
        var tauZ = Parameter(parameters, "tauZ");
        var tauR = Parameter(parameters, "tauR");
        var line = FixedPointMeanField.ZeroFpLine(bR);
        values.Add(Solved("zero_fp_line", line));
        if (Parameter(parameters, "betaH") != 0)
        {
            string[] names =
            [
                "zero_fp_stable", "lyapunov_max_zero_fp", "g_fp", "transition_continuous", "alpha_r_tricritical", "static_fp_exists",
                "assumes_adiabatic_reset", "assumption_unmet", "g_c", "delta0", "lyapunov_max", "stable_branches", "delta0_sampled", "delta0_sampled_se",
                "relaxation_time", "relaxation_time_se",
            ];
            foreach (var name in names)
            {
                values.Add(NotApplicable(name, BiasReason));
            }

            return;
        }

        var stable = gH * Logistic(bR) < 1;
        values.Add(Flag("zero_fp_stable", stable));
        // Zero FP spectrum (§B.2 item 1): a disk centred at −σ(b_z) of radius σ(b_z)σ(b_r)g_h, plus −1/τ_z and −1/τ_r.
        var zeroExponent = Math.Max(-Logistic(bZ) * (1 - gH * Logistic(bR)), Math.Max(-1 / tauZ, -1 / tauR));
        values.Add(stable ? Solved("lyapunov_max_zero_fp", zeroExponent) : NotApplicable("lyapunov_max_zero_fp", "the zero fixed point is unstable"));
        AddStatic(values, gH, alphaR, bR, ct);
        values.Add(Solved("alpha_r_tricritical", FixedPointMeanField.TricriticalAlphaR(bR)));

        var sampled = SampledDmftCache.Solve(SampledDmftParameters.FromResolved(parameters), SampledDmftOptions.PerCell, ct);
        if (alphaZ != 0)
        {
            // The sampled DMFT integrates the r filter with the network's own τ_r: no limit is assumed.
            values.Add(Flag("assumes_adiabatic_reset", false));
            values.Add(Flag("assumption_unmet", false));
            values.Add(NotApplicable("g_c", OnsetReason));
            values.Add(From("delta0", sampled.Delta0, sampled.Outcome, SampledNote(alphaZ)));
            values.Add(NotApplicable("lyapunov_max", LyapunovReason));
            values.Add(NotApplicable("stable_branches", BranchReason));
            AddSampled(values, sampled, alphaZ);
            return;
        }

        // The Gaussian DMFT (g_c, delta0, lyapunov_max) is solved with r = J^r φ(h) at every instant (τ_r → 0, §B.3): say so,
        // and whether the simulated network shares that limit (tauR = 0, the adiabatic reset gate) or not.
        values.Add(Flag("assumes_adiabatic_reset", true));
        values.Add(Flag("assumption_unmet", tauR > 0));
        var approximation = tauR > 0 ? $"Gaussian DMFT with τ_r → 0; the network has τ_r = {tauR:G4} (approximation, §B.3)" : null;
        var onset = TheoryCache.GetOrCompute("g_c", alphaR, bR, () => ChaosOnset.Find(alphaR, bR, ct: ct), r => r.Outcome.Status != AnalysisStatus.Cancelled);
        values.Add(From("g_c", onset.GC, onset.Outcome, approximation));
        var solution = GatedGaussianDmft.Solve(gH, alphaR, bR, bZ, ct: ct);
        // Two stable stationary states where a chaotic solution coexists with a stable zero fixed point (the bistable band
        // g_c < g_h < 1/σ(b_r) of the discontinuous transition, §B.5): the chaotic one (the largest Δ0 root) is reported,
        // and the notes say so; the quiescent branch's exponent is lyapunov_max_zero_fp.
        var bistable = solution.IsChaotic && stable;
        var branch = bistable
            ? "the zero fixed point is stable too (g_h σ(b_r) < 1): two stable branches, this is the chaotic one (the quiescent one's exponent is lyapunov_max_zero_fp)"
            : null;
        values.Add(From("delta0", solution.Delta0, solution.Outcome, Join(branch, approximation)));
        var note = solution.IsChaotic ? Join(branch, approximation) : "no chaotic solution: the h-block zero fixed point's exponent σ(b_z)(−1 + g_h σ(b_r))";
        values.Add(From("lyapunov_max", solution.LyapunovMax, solution.Outcome, note));
        // Stable stationary DMFT states: the chaotic one when it exists, the zero fixed point when g_h σ(b_r) < 1.
        var branches = (solution.IsChaotic ? 1 : 0) + (stable ? 1 : 0);
        values.Add(From("stable_branches", branches, solution.Outcome, bistable ? "chaos and the zero fixed point (bistable)" : null));
        AddSampled(values, sampled, alphaZ);
    }

    /// <summary>The sampled-DMFT columns (§B.3): Δ_h(0), the 1/e time τ_R of C_h and their standard errors.</summary>
    private static void AddSampled(List<TheoryValue> values, SampledDmftSolution sampled, double alphaZ)
    {
        var note = SampledNote(alphaZ);
        values.Add(From("delta0_sampled", sampled.Delta0, sampled.Outcome, note));
        values.Add(From("delta0_sampled_se", sampled.Delta0StandardError, sampled.Outcome));
        var quiescent = sampled.Outcome.Status == AnalysisStatus.Converged && !sampled.IsChaotic;
        if (quiescent)
        {
            values.Add(NotApplicable("relaxation_time", "no chaotic solution: the activity decays to the zero fixed point"));
            values.Add(NotApplicable("relaxation_time_se", "no chaotic solution: the activity decays to the zero fixed point"));
            return;
        }

        values.Add(From("relaxation_time", sampled.RelaxationTime, sampled.Outcome, note));
        values.Add(From("relaxation_time_se", sampled.RelaxationTimeStandardError, sampled.Outcome));
    }

    private const string BranchReason = "α_z > 0: the branch count needs the Gaussian DMFT (α_z = 0); the sampled DMFT follows one state";

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";

    private static string SampledNote(double alphaZ) =>
        alphaZ == 0
            ? "sampled DMFT (§B.3): exact Gaussian closure for α_z = 0, τ_r included"
            : $"sampled DMFT (§B.3), {SampledDmftOptions.PerCell.Paths} paths in {SampledDmftOptions.PerCell.Replicas} replicas; 1 s.e. in the _se column";

    /// <summary>g_fp, transition_continuous and static_fp_exists (§B.5; GRU with the reset gain as <paramref name="gateGain"/>, §B.6).</summary>
    private static void AddStatic(List<TheoryValue> values, double gH, double gateGain, double bR, CancellationToken ct)
    {
        var onset = TheoryCache.GetOrCompute("g_fp", gateGain, bR, () => FixedPointMeanField.Onset(gateGain, bR, ct), r => r.Outcome.Status != AnalysisStatus.Cancelled);
        values.Add(From("g_fp", onset.GFp, onset.Outcome));
        values.Add(onset.Outcome.IsUsable ? Flag("transition_continuous", onset.IsContinuous) : new TheoryValue("transition_continuous", null, onset.Outcome));
        values.Add(onset.Outcome.IsUsable ? Flag("static_fp_exists", gH > onset.GFp) : new TheoryValue("static_fp_exists", null, onset.Outcome));
    }
}
