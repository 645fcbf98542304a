using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Theory.StaticMeanField;

/// <summary>
/// Static (fixed-point) mean field of the PRX gated RNN with β_h = 0 (§B.3 static, §B.5), which is also the GRU's
/// with α_r → g_r and b_h = 0 (§B.6).
/// </summary>
/// <remarks>
/// <para>
/// At a fixed point h is Gaussian with Δ_h = ⟨σ_r(r)²⟩_{r~N(0,Δ_φ)}·Δ_φ and Δ_φ = ⟨φ(h)²⟩_{h~N(0,Δ_h)}, where
/// σ_r(r) = σ(α_r r + b_r) and φ(h) = tanh(g_h h). In the pre-activation variance v = g_h²Δ_h this reads
/// g_h² = G(v) := v / (S(P(v))·P(v)), P(v) = E[tanh² x]_{x~N(0,v)}, S(Q) = E[σ(α_r r + b_r)²]_{r~N(0,Q)}.
/// So a non-zero solution exists iff g_h² &gt; inf_{v&gt;0} G(v), and g_FP = min(1/σ(b_r), √inf G). G(0+) = 1/σ(b_r)²
/// and G(v) = [1 + (2 − α_r²(1−s)(2−3s))v + O(v²)]/s², s = σ(b_r), which gives the tricritical condition of §B.5.
/// The GRU (§A.3, §B.6) has the same equations with v = Var a of the candidate pre-activation, q_h = P(v) = ⟨h²⟩ and
/// the reset pre-activation ~ N(b_r, g_r² q_h): pass g_r as <c>alphaR</c>. The τ's and the update gate do not enter.
/// </para>
/// <para>
/// Numerics: G is minimised over ln v ∈ [ln 10⁻⁶, ln 10³] on 64 points and refined by golden section (width 10⁻⁸
/// in ln v); expectations are slope-adapted trapezoid rules (≈ 10⁻¹²). g_FP is accurate to ~10⁻⁸, far inside
/// the ±0.01 of case 12 (α_r = 5, b_r = 0: g_FP = 1.91714).
/// </para>
/// </remarks>
public static class FixedPointMeanField
{
    /// <summary>G(v) = g_h² at which pre-activation variance v &gt; 0 solves the static equations.</summary>
    public static double SquaredGainForVariance(double v, double alphaR, double bR)
    {
        var p = GaussianPairKernels.Tanh(0, v, v).Product;
        var s = GaussianPairKernels.Logistic(bR, alphaR * alphaR * p, alphaR * alphaR * p).Product;
        return v / (s * p);
    }

    /// <summary>1/σ(b_r): the zero fixed point is stable iff g_h σ(b_r) &lt; 1 (§B.2 item 1, §B.6).</summary>
    public static double ZeroFpLine(double bR) => 1 + Math.Exp(-bR);

    /// <summary>α_r* = √(2/((1−s)(2−3s))), s = σ(b_r): the transition is continuous iff α_r &lt; α_r*; +∞ when s ≥ 2/3.</summary>
    public static double TricriticalAlphaR(double bR)
    {
        var s = 1 / (1 + Math.Exp(-bR));
        var factor = (1 - s) * (2 - 3 * s);
        return factor <= 0 ? double.PositiveInfinity : Math.Sqrt(2 / factor);
    }

    /// <summary>g_FP(α_r, b_r) and whether the transition is continuous.</summary>
    public static FixedPointOnset Onset(double alphaR, double bR, CancellationToken ct = default)
    {
        var line = ZeroFpLine(bR);
        try
        {
            var grid = ScalarRoot.GeometricGrid(1e-6, 1e3, 64);
            var best = 0;
            var bestValue = double.PositiveInfinity;
            for (var i = 0; i < grid.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                var value = SquaredGainForVariance(grid[i], alphaR, bR);
                if (value < bestValue)
                {
                    bestValue = value;
                    best = i;
                }
            }

            var lnLower = Math.Log(grid[Math.Max(0, best - 1)]);
            var lnUpper = Math.Log(grid[Math.Min(grid.Length - 1, best + 1)]);
            var (lnV, minimum) = GoldenSection.Minimize(t => SquaredGainForVariance(Math.Exp(t), alphaR, bR), lnLower, lnUpper, 1e-8, ct);
            if (bestValue < minimum)
            {
                (lnV, minimum) = (Math.Log(grid[best]), bestValue);
            }

            var gMin = Math.Sqrt(minimum);
            // A minimum that is not below G(0+) = line² (to round-off) means the branch starts at v = 0.
            return gMin >= line * (1 - 1e-9)
                ? new FixedPointOnset(line, line, true, 0, AnalysisOutcome.Converged)
                : new FixedPointOnset(gMin, line, false, Math.Exp(lnV), AnalysisOutcome.Converged);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new FixedPointOnset(double.NaN, line, false, double.NaN, AnalysisOutcome.Cancelled);
        }
    }

    /// <summary>The largest non-zero static solution at g_h (PRX; GRU with α_r → g_r).</summary>
    public static StaticSolution Solve(double gH, double alphaR, double bR, CancellationToken ct = default)
    {
        var onset = Onset(alphaR, bR, ct);
        if (!onset.Outcome.IsUsable)
        {
            return new StaticSolution(false, double.NaN, double.NaN, double.NaN, onset.Outcome);
        }

        var target = gH * gH;
        if (gH <= onset.GFp)
        {
            return new StaticSolution(false, 0, 0, 0, AnalysisOutcome.Converged);
        }

        try
        {
            // G grows without bound (P → 1), so doubling finds an upper end; the lower end is the onset variance
            // (or 0+, where G = line² < g_h² in the continuous case).
            var lower = Math.Max(onset.PreActivationVariance, 1e-12);
            var upper = Math.Max(2 * lower, 1.0);
            for (var i = 0; i < 200 && SquaredGainForVariance(upper, alphaR, bR) < target; i++)
            {
                ct.ThrowIfCancellationRequested();
                upper *= 2;
            }

            if (SquaredGainForVariance(lower, alphaR, bR) >= target)
            {
                return new StaticSolution(false, 0, 0, 0, AnalysisOutcome.NotConverged("g_h is within round-off of g_FP"));
            }

            var lnV = ScalarRoot.Bracketed(t => SquaredGainForVariance(Math.Exp(t), alphaR, bR) / target - 1, Math.Log(lower), Math.Log(upper));
            var v = Math.Exp(lnV);
            return new StaticSolution(true, v, v / target, GaussianPairKernels.Tanh(0, v, v).Product, AnalysisOutcome.Converged);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new StaticSolution(false, double.NaN, double.NaN, double.NaN, AnalysisOutcome.Cancelled);
        }
    }
}
