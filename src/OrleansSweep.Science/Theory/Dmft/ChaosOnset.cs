using OrleansSweep.Science.Theory.StaticMeanField;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Onset of chaos g_c(α_r, b_r) of the gated RNN from the Gaussian DMFT (α_z = 0, τ_r → 0; §B.5).
/// </summary>
/// <param name="GC">g_c: the smallest g_h with a chaotic DMFT solution (midpoint of the final bracket).</param>
/// <param name="ZeroFpLine">1/σ(b_r).</param>
/// <param name="IsDiscontinuous">true when g_c lies below the zero-FP line by more than the tolerance: the chaotic
/// attractor appears with finite Δ0 and λ_max (saddle-node) and coexists with the stable zero fixed point for
/// g_c &lt; g_h &lt; 1/σ(b_r).</param>
/// <param name="Outcome">Converged, or why not (NotConverged, Cancelled) with the reason.</param>
public sealed record ChaosOnsetResult(double GC, double ZeroFpLine, bool IsDiscontinuous, AnalysisOutcome Outcome);

/// <summary>Finds g_c by bisection on the existence of a non-zero DMFT solution.</summary>
/// <remarks>
/// Every non-zero admissible solution is chaotic: Δ'(τ) is an eigenfunction of H with energy −1 and one node, so the
/// nodeless ground state has E_0 &lt; −1 and λ_max &gt; 0 (§B.4). Hence g_c is where a non-zero Δ0 first exists. The
/// bracket is [lower, 1/σ(b_r)], lower starting at the static g_FP (expected below g_c) and lowered by 10 % steps if
/// chaos already exists there; bisection stops at an absolute width of <c>tolerance</c> (≈ 10 existence tests of
/// 17–35 DMFT tables each). The existence test resolves dips of the balance function narrower than the golden-section
/// width (10⁻³ of a grid step in ln Δ0) only approximately, which bounds the accuracy of g_c to ~10⁻³.
/// </remarks>
public static class ChaosOnset
{
    public static ChaosOnsetResult Find(double alphaR, double bR, DmftOptions? options = null, double tolerance = 1e-3, CancellationToken ct = default)
    {
        var line = FixedPointMeanField.ZeroFpLine(bR);
        options ??= DmftOptions.Default;
        try
        {
            var upper = line * (1 - tolerance);
            if (!GatedGaussianDmft.HasChaoticSolution(upper, alphaR, bR, options, ct))
            {
                return new ChaosOnsetResult(line, line, false, AnalysisOutcome.Converged);
            }

            var onset = FixedPointMeanField.Onset(alphaR, bR, ct);
            var lower = onset.Outcome.IsUsable && onset.GFp < upper ? onset.GFp : 0.5 * line;
            var found = false;
            for (var i = 0; i < 30; i++)
            {
                if (!GatedGaussianDmft.HasChaoticSolution(lower, alphaR, bR, options, ct))
                {
                    found = true;
                    break;
                }

                upper = lower;
                lower *= 0.9;
            }

            if (!found)
            {
                return new ChaosOnsetResult(double.NaN, line, true, AnalysisOutcome.NotConverged($"chaos exists down to g_h = {lower:G4}"));
            }

            for (var i = 0; i < 60 && upper - lower > tolerance; i++)
            {
                var middle = 0.5 * (lower + upper);
                if (GatedGaussianDmft.HasChaoticSolution(middle, alphaR, bR, options, ct))
                {
                    upper = middle;
                }
                else
                {
                    lower = middle;
                }
            }

            return new ChaosOnsetResult(0.5 * (lower + upper), line, true, AnalysisOutcome.Converged);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new ChaosOnsetResult(double.NaN, line, false, AnalysisOutcome.Cancelled);
        }
    }
}
