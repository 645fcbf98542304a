using OrleansSweep.Science.Theory.Dmft;
using OrleansSweep.Science.Theory.StaticMeanField;

namespace OrleansSweep.Science.Theory;

/// <summary>PRX gated RNN (§B.2, §B.3, §B.5).</summary>
public static partial class TheoryPredictions
{
    private const string BiasReason = "theory implemented for β_h = 0 only: a bias removes the zero fixed point (§B.5)";
    private const string SampledDmftReason = "α_z > 0 makes h non-Gaussian; needs the sampled DMFT of §B.3 (not implemented)";

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
            foreach (var name in new[] { "zero_fp_stable", "lyapunov_max_zero_fp", "g_fp", "transition_continuous", "alpha_r_tricritical", "static_fp_exists", "g_c", "delta0", "lyapunov_max" })
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

        if (alphaZ != 0)
        {
            values.Add(NotApplicable("g_c", SampledDmftReason));
            values.Add(NotApplicable("delta0", SampledDmftReason));
            values.Add(NotApplicable("lyapunov_max", SampledDmftReason));
            return;
        }

        var approximation = tauR > 0 ? $"Gaussian DMFT with τ_r → 0; the network has τ_r = {tauR:G4} (approximation, §B.3)" : null;
        var onset = TheoryCache.GetOrCompute("g_c", alphaR, bR, () => ChaosOnset.Find(alphaR, bR, ct: ct), r => r.Outcome.Status != AnalysisStatus.Cancelled);
        values.Add(From("g_c", onset.GC, onset.Outcome, approximation));
        var solution = GatedGaussianDmft.Solve(gH, alphaR, bR, bZ, ct: ct);
        values.Add(From("delta0", solution.Delta0, solution.Outcome, approximation));
        var note = solution.IsChaotic ? approximation : "no chaotic solution: the h-block zero fixed point's exponent σ(b_z)(−1 + g_h σ(b_r))";
        values.Add(From("lyapunov_max", solution.LyapunovMax, solution.Outcome, note));
    }

    /// <summary>g_fp, transition_continuous and static_fp_exists (§B.5; GRU with the reset gain as <paramref name="gateGain"/>, §B.6).</summary>
    private static void AddStatic(List<TheoryValue> values, double gH, double gateGain, double bR, CancellationToken ct)
    {
        var onset = TheoryCache.GetOrCompute("g_fp", gateGain, bR, () => FixedPointMeanField.Onset(gateGain, bR, ct), r => r.Outcome.Status != AnalysisStatus.Cancelled);
        values.Add(From("g_fp", onset.GFp, onset.Outcome));
        values.Add(onset.Outcome.IsUsable ? Flag("transition_continuous", onset.IsContinuous) : new TheoryValue("transition_continuous", null, onset.Outcome));
        values.Add(onset.Outcome.IsUsable ? Flag("static_fp_exists", gH > onset.GFp) : new TheoryValue("static_fp_exists", null, onset.Outcome));
    }
}
