using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>
/// Mean field of the CPS minimalRNN (§A.6, §B.7): e = W h + V x + b, u = σ(e), h' = u ⊙ h + (1 − u) ⊙ x, with x
/// independent of h and (in the mean field) of e at the same unit.
/// </summary>
/// <remarks>
/// <code>
///  q* = σ_w² Q* + σ_v² R + σ_b²,   Q* = R ⟨(1−u)²⟩ / (1 − ⟨u²⟩)            (e ~ N(μ_b, q*))
///  χ  = ⟨u²⟩ + σ_w² (Q* + R) ⟨σ'(e)²⟩
///  Q^{ab} = ⟨(1−u^a)(1−u^b)⟩ R / (1 − ⟨u^a u^b⟩),   q^{ab} = σ_w² Q^{ab} + σ_v² R + σ_b²
///  χ_c = ⟨u^a u^b⟩ + σ_w² ⟨σ'(e^a)σ'(e^b)⟩ (Q^{ab} + R)                 (identical inputs: R^{ab} = R)
/// </code>
/// This keeps the ⟨u²⟩ term in χ and the general Q* (the public third-party script noted in §B.7 drops the first and
/// uses R⟨u²⟩/(1−⟨u²⟩), right only at μ_b = 0). χ_c is the slope of the Q^{ab} map at its stable fixed point (Price's
/// theorem gives d⟨u^a u^b⟩/dq^{ab} = ⟨σ'σ'⟩). Q* is the smallest fixed point in [0, R] (the one reached from h = 0).
/// Expectations use <see cref="GaussianPairKernels"/> with slope-adapted steps, so q* ≫ 1 (steep gates, §B.3 "Numerical
/// care") stays accurate to ~10⁻¹⁰.
/// </remarks>
public static class MinimalMeanField
{
    /// <summary>Q ↦ R⟨(1−u)²⟩/(1−⟨u²⟩) at q = σ_w²Q + σ_v²R + σ_b²: the stationary ⟨h²⟩ for a given ⟨h²⟩ feeding e.</summary>
    public static double StationarySecondMoment(double stateSecondMoment, CpsParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var q = p.SigmaW2 * stateSecondMoment + p.SigmaBEff2;
        var m = GaussianPairKernels.Logistic(p.MuB, q, q);
        return p.R * (1 - 2 * m.Mean + m.Product) / (1 - m.Product);
    }

    /// <summary>Q* (smallest root of Q = <see cref="StationarySecondMoment"/> in [0, R]).</summary>
    public static double StateSecondMoment(CpsParameters p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        if (p.R == 0)
        {
            return 0;
        }

        // D(Q) = Q − H(Q): D(0) ≤ 0 and D(R) ≥ 0 because (1−u)² ≤ 1 − u². The first upward crossing on the branch grid.
        var root = ScalarRoot.FirstCrossing(Q => (Q - StationarySecondMoment(Q, p)) / p.R, BranchGrid(p.R), upward: true, ct);
        return root ?? p.R;
    }

    /// <summary>Points of the geometric part of <see cref="BranchGrid"/>: 97, ratio ≈ 1.21 from 10⁻⁸R to R.</summary>
    public const int BranchScanPoints = 97;

    /// <summary>
    /// 0 and a geometric grid from 10⁻⁸R to R: the quiet branch of a strongly biased gate sits at Q ~ R e^{−2μ_b} (10⁻³–10⁻²
    /// at μ_b = 6), where a uniform grid of step R/32 put a stable and an unstable fixed point into one cell and missed
    /// both (the scan then jumped to the active branch). Two fixed points closer than ~21 % of Q are still not resolved.
    /// </summary>
    private static double[] BranchGrid(double r) => [0, .. ScalarRoot.GeometricGrid(1e-8 * r, r, BranchScanPoints)];

    /// <summary>
    /// Every fixed point of the Q map Q ↦ H(Q) in [0, R], ascending, with its stability: a sign change of D(Q) = Q − H(Q)
    /// on the branch grid (0, then geometric from 10⁻⁸R to R), refined by Brent. D rises through a stable point (H' &lt; 1) and falls
    /// through an unstable one. More than one stable point means the mean-field map is multistable (a saddle-node pair
    /// has appeared, e.g. μ_b = 6 at large σ_w²); which one a network reaches then depends on its initial ⟨h²⟩.
    /// </summary>
    /// <remarks>Fixed points closer together than ~21 % of Q can be missed (a tangency is not a sign change).</remarks>
    public static IReadOnlyList<(double Q, bool Stable)> FixedPoints(CpsParameters p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        if (p.R == 0)
        {
            return [(0, true)];
        }

        double D(double Q) => (Q - StationarySecondMoment(Q, p)) / p.R;
        var points = new List<(double, bool)>();
        var grid = BranchGrid(p.R);
        var previousQ = 0.0;
        var previous = D(0);
        foreach (var q in grid.Skip(1))
        {
            ct.ThrowIfCancellationRequested();
            var value = D(q);
            if (value == 0 || Math.Sign(value) != Math.Sign(previous) && previous != 0)
            {
                var root = value == 0 ? q : ScalarRoot.Bracketed(D, previousQ, q, 1e-13);
                points.Add((root, value > previous));
            }

            (previousQ, previous) = (q, value);
        }

        return points;
    }

    /// <summary>q*, Q*, χ, c*, χ_c and ξ (see remarks).</summary>
    public static SignalPropagationResult Solve(CpsParameters p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        try
        {
            var bigQ = StateSecondMoment(p, ct);
            var branches = Math.Max(1, FixedPoints(p, ct).Count(f => f.Stable));
            var q = p.SigmaW2 * bigQ + p.SigmaBEff2;
            var m = GaussianPairKernels.Logistic(p.MuB, q, q);
            var chi = m.Product + p.SigmaW2 * (bigQ + p.R) * m.SlopeProduct;
            if (chi <= 1 || q == 0)
            {
                return new SignalPropagationResult(q, bigQ, chi, 1, chi, SignalPropagationResult.Timescale(chi), AnalysisOutcome.Converged) { StableBranches = branches };
            }

            // Correlation map in the normalised variable c = Q^{ab}/Q* ∈ [0, 1] (convex, fixed point at 1, slope χ > 1).
            var qab = bigQ * VanillaMeanField.ChaoticCorrelation(c => CrossMap(c * bigQ, q, m.Mean, p) / bigQ - c, ct);
            var qabPre = p.SigmaW2 * qab + p.SigmaBEff2;
            var pair = GaussianPairKernels.Logistic(p.MuB, q, qabPre);
            var chiC = pair.Product + p.SigmaW2 * pair.SlopeProduct * (qab + p.R);
            return new SignalPropagationResult(q, bigQ, chi, qabPre / q, chiC, SignalPropagationResult.Timescale(chiC), AnalysisOutcome.Converged) { StableBranches = branches };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return SignalPropagationResult.Failed(AnalysisOutcome.Cancelled);
        }
    }

    /// <summary>χ alone (on the smallest branch, without the correlation map or the branch scan): the critical-line scan.</summary>
    internal static double Chi(CpsParameters p, CancellationToken ct)
    {
        var bigQ = StateSecondMoment(p, ct);
        var q = p.SigmaW2 * bigQ + p.SigmaBEff2;
        var m = GaussianPairKernels.Logistic(p.MuB, q, q);
        return m.Product + p.SigmaW2 * (bigQ + p.R) * m.SlopeProduct;
    }

    /// <summary>One step of the Q^{ab} map: ⟨u^a u^b⟩Q^{ab} + ⟨(1−u^a)(1−u^b)⟩R at q^{ab} = σ_w²Q^{ab} + σ_b,eff².</summary>
    private static double CrossMap(double qab, double q, double meanGate, CpsParameters p)
    {
        var pair = GaussianPairKernels.Logistic(p.MuB, q, p.SigmaW2 * qab + p.SigmaBEff2);
        return pair.Product * qab + (1 - 2 * meanGate + pair.Product) * p.R;
    }
}
