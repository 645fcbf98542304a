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

/// <summary>Finds g_c by bracketing and bisection on the existence of a non-zero DMFT solution.</summary>
/// <remarks>
/// <para>
/// Every non-zero admissible solution is chaotic: Δ'(τ) is an eigenfunction of H with energy −1 and one node, so the
/// nodeless ground state has E_0 &lt; −1 and λ_max &gt; 0 (§B.4). Hence g_c is where a non-zero Δ0 first exists, and
/// for g_h &gt; 1/σ(b_r) one always does.
/// </para>
/// <para>
/// Bracketing starts from the static onset g_FP (chaos is expected above it, §B.5) and steps up by factors of 1.15
/// until chaos exists or the zero-FP line is reached (then the onset is continuous, g_c = 1/σ(b_r)); if chaos
/// already exists at g_FP it steps down by 10 %. Bisection then stops at an absolute width of <c>tolerance</c>. Each
/// existence test costs 17–35 DMFT tables. Dips of the balance function narrower than the golden-section resolution
/// are resolved only approximately, which bounds the accuracy of g_c to ~10⁻³.
/// </para>
/// </remarks>
public static class ChaosOnset
{
    public static ChaosOnsetResult Find(double alphaR, double bR, DmftOptions? options = null, double tolerance = 1e-3, CancellationToken ct = default)
    {
        var line = FixedPointMeanField.ZeroFpLine(bR);
        options ??= DmftOptions.Default;
        try
        {
            bool Chaotic(double gH) => GatedGaussianDmft.HasChaoticSolution(gH, alphaR, bR, options, ct);
            var top = line * (1 - tolerance);
            var onset = FixedPointMeanField.Onset(alphaR, bR, ct);
            var start = onset.Outcome.IsUsable ? Math.Min(onset.GFp, top) : top;
            double lower, upper;
            if (Chaotic(start))
            {
                upper = start;
                lower = start;
                for (var i = 0; i < 30 && Chaotic(lower); i++)
                {
                    upper = lower;
                    lower *= 0.9;
                }

                if (Chaotic(lower))
                {
                    return new ChaosOnsetResult(double.NaN, line, true, AnalysisOutcome.NotConverged($"chaos exists down to g_h = {lower:G4}"));
                }
            }
            else
            {
                lower = start;
                upper = double.NaN;
                for (var g = start * 1.15; g < top; g *= 1.15)
                {
                    if (Chaotic(g))
                    {
                        upper = g;
                        break;
                    }

                    lower = g;
                }

                if (double.IsNaN(upper))
                {
                    if (!Chaotic(top))
                    {
                        return new ChaosOnsetResult(line, line, false, AnalysisOutcome.Converged);
                    }

                    upper = top;
                }
            }

            for (var i = 0; i < 60 && upper - lower > tolerance; i++)
            {
                var middle = 0.5 * (lower + upper);
                if (Chaotic(middle))
                {
                    upper = middle;
                }
                else
                {
                    lower = middle;
                }
            }

            var gc = 0.5 * (lower + upper);
            return new ChaosOnsetResult(gc, line, gc < top, AnalysisOutcome.Converged);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new ChaosOnsetResult(double.NaN, line, false, AnalysisOutcome.Cancelled);
        }
    }
}
