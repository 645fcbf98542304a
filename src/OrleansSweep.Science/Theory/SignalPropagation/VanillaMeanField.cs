using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>
/// Mean field of the CPS vanilla tanh RNN (§A.5, §B.7), under CPS's untied-weights approximation: with i.i.d. inputs
/// it is the feed-forward (Poole/Schoenholz) recursion with bias variance σ_b,eff² = σ_b² + σ_v²R.
/// </summary>
/// <remarks>
/// <code>
///  q_t = σ_w² ⟨φ(e)²⟩ + σ_b,eff²,  e ~ N(μ_b, q_{t−1})                    → q*
///  χ_1 = σ_w² ⟨φ'(e)²⟩ at q*
///  c_t = [σ_w² ⟨φ(e^a)φ(e^b)⟩ + σ_b,eff²] / q*,  Cov(e^a, e^b) = c_{t−1} q*  → stable c*
///  χ_c = σ_w² ⟨φ'(e^a)φ'(e^b)⟩ at c*,  ξ = −1/ln χ_c
/// </code>
/// Ordered phase (χ_1 ≤ 1): c* = 1, χ_c = χ_1. Chaotic phase: c* is the unique root of the convex map below 1.
/// Gaussian expectations use <see cref="GaussianPairKernels"/> (absolute error ≈ 10⁻¹²), roots are solved to
/// ~10⁻¹⁴ relative, so q*, χ_1, c*, χ_c are accurate to ~10⁻¹⁰ (well inside the 10⁻³ of cases 17 and 18).
/// </remarks>
public static class VanillaMeanField
{
    /// <summary>One step of the variance map: q ↦ σ_w² E[tanh²(e)] + σ_b,eff², e ~ N(μ_b, q).</summary>
    public static double VarianceMap(double q, CpsParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.SigmaW2 * GaussianPairKernels.Tanh(p.MuB, q, q).Product + p.SigmaBEff2;
    }

    /// <summary>The stable fixed point q* of <see cref="VarianceMap"/> (0 when σ_b,eff² = μ_b = 0 and σ_w² ≤ 1).</summary>
    public static double QStar(CpsParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        if (p.SigmaW2 == 0)
        {
            return p.SigmaBEff2;
        }

        var lower = p.SigmaBEff2;
        var upper = p.SigmaW2 + p.SigmaBEff2;
        if (p.SigmaBEff2 == 0 && p.MuB == 0)
        {
            // q = 0 is a fixed point with slope σ_w²; the non-zero one exists only for σ_w² > 1.
            if (p.SigmaW2 <= 1)
            {
                return 0;
            }

            // Small-q expansion q ↦ σ_w²(q − 2q²): the non-zero root lies above (σ_w² − 1)/(20σ_w²).
            lower = (p.SigmaW2 - 1) / (20 * p.SigmaW2);
        }

        if (upper <= lower)
        {
            return lower;
        }

        // Scaled by q so that Brent's |f| criterion is relative.
        return ScalarRoot.Bracketed(q => (VarianceMap(q, p) - q) / Math.Max(q, 1e-300), lower, upper);
    }

    /// <summary>χ_1 = σ_w² E[sech⁴(e)], e ~ N(μ_b, q).</summary>
    public static double Chi1(CpsParameters p, double q)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.SigmaW2 * GaussianPairKernels.Tanh(p.MuB, q, q).SlopeProduct;
    }

    /// <summary>One step of the correlation map at q*: c ↦ [σ_w² E[φ(e^a)φ(e^b)] + σ_b,eff²]/q*.</summary>
    public static double CorrelationMap(double c, double qStar, CpsParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return (p.SigmaW2 * GaussianPairKernels.Tanh(p.MuB, qStar, c * qStar).Product + p.SigmaBEff2) / qStar;
    }

    /// <summary>q*, χ_1, c*, χ_c and ξ (see remarks).</summary>
    public static SignalPropagationResult Solve(CpsParameters p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        try
        {
            var qStar = QStar(p);
            var chi1 = Chi1(p, qStar);
            if (qStar == 0 || chi1 <= 1)
            {
                return new SignalPropagationResult(qStar, null, chi1, 1, chi1, SignalPropagationResult.Timescale(chi1), AnalysisOutcome.Converged);
            }

            var cStar = ChaoticCorrelation(c => CorrelationMap(c, qStar, p) - c, ct);
            var chiC = p.SigmaW2 * GaussianPairKernels.Tanh(p.MuB, qStar, cStar * qStar).SlopeProduct;
            return new SignalPropagationResult(qStar, null, chi1, cStar, chiC, SignalPropagationResult.Timescale(chiC), AnalysisOutcome.Converged);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return SignalPropagationResult.Failed(AnalysisOutcome.Cancelled);
        }
    }

    /// <summary>
    /// The root c* &lt; 1 of D(c) = M(c) − c for a convex map with D(0) ≥ 0, D(1) = 0 and slope χ &gt; 1 at 1:
    /// walk down from 1 (δ = 2⁻ᵏ) to the first D &lt; 0, then solve on that bracket. Shared by both CPS cells.
    /// </summary>
    internal static double ChaoticCorrelation(Func<double, double> distance, CancellationToken ct)
    {
        if (distance(0) <= 1e-15)
        {
            return 0;
        }

        for (var k = 1; k <= 45; k++)
        {
            ct.ThrowIfCancellationRequested();
            var c = 1 - Math.Pow(2, -k);
            if (distance(c) < 0)
            {
                // D is convex with D ≥ 0 on [0, c*] and D < 0 on (c*, 1): the previous point brackets c*.
                var lower = k == 1 ? 0 : 1 - Math.Pow(2, -(k - 1));
                return ScalarRoot.Bracketed(distance, lower, c);
            }
        }

        // χ within ~10⁻¹³ of 1: c* is indistinguishable from 1.
        return 1;
    }
}
