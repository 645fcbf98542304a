using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>A critical point found by root bracketing, with its status.</summary>
public sealed record CriticalPoint(double Value, AnalysisOutcome Outcome)
{
    /// <summary>Where a saddle-node jump of χ across 1 was found instead of a crossing (NaN when none).</summary>
    public double JumpAt { get; init; } = double.NaN;
}

/// <summary>
/// The order–chaos line χ = 1 of the CPS cells (§B.7) as the critical recurrent variance σ_w²_c at given other
/// parameters: the smallest σ_w² at which χ crosses 1 from below, bracketed on a geometric scan and refined by Brent.
/// </summary>
/// <remarks>
/// Vanilla: scan σ_w² ∈ [0.05, 200] (48 points); for tanh χ_1 increases with σ_w², so the crossing is unique
/// (σ_b,eff² = μ_b = 0 gives exactly 1). minimalRNN: scan σ_w² ∈ [10⁻², 10⁴] (61 points); χ can stay just below 1 for
/// large μ_b, in which case the outcome is NotConverged with that reason. Accuracy ~10⁻¹⁰ relative (quadrature
/// limited), far inside the ±0.002 of the §B.7 table and the ±1 % of case 20.
/// </remarks>
public static class CriticalLine
{
    /// <summary>σ_w² with χ_1 = 1 for the vanilla tanh RNN at the given σ_b,eff² and μ_b.</summary>
    public static CriticalPoint VanillaSigmaW2(double sigmaBEff2, double muB = 0, CancellationToken ct = default)
    {
        if (sigmaBEff2 == 0 && muB == 0)
        {
            // q* = 0 up to σ_w² = 1, where χ_1 = σ_w² reaches 1; above it χ_1 − 1 = O((σ_w² − 1)²) is too flat
            // for a root finder to resolve better than ~10⁻⁷, so the exact value is returned.
            return new CriticalPoint(1, AnalysisOutcome.Converged);
        }

        var grid = ScalarRoot.GeometricGrid(0.05, 200, 48);
        return Find(
            w2 =>
            {
                var p = new CpsParameters(w2, SigmaB2: sigmaBEff2, MuB: muB);
                return VanillaMeanField.Chi1(p, VanillaMeanField.QStar(p)) - 1;
            },
            grid,
            "χ_1 < 1 for every σ_w² ≤ 200",
            ct);
    }

    /// <summary>σ_w² with χ = 1 for the minimalRNN at the given μ_b, σ_v², σ_b², R.</summary>
    public static CriticalPoint MinimalSigmaW2(double muB, double sigmaV2 = 1, double sigmaB2 = 0, double r = 1, CancellationToken ct = default)
    {
        var grid = ScalarRoot.GeometricGrid(1e-2, 1e4, 61);
        var critical = Find(
            w2 =>
            {
                var p = new CpsParameters(w2, sigmaV2, r, sigmaB2, muB);
                return MinimalMeanField.Chi(p, ct) - 1;
            },
            grid,
            "χ < 1 for every σ_w² ≤ 10⁴",
            ct);
        return critical.Outcome.Status == AnalysisStatus.Converged
            ? RejectJump(critical, w2 => MinimalMeanField.Chi(new CpsParameters(w2, sigmaV2, r, sigmaB2, muB), ct), ct)
            : critical;
    }

    /// <summary>
    /// Relative step either side of a root at which χ is re-evaluated to tell a crossing from a jump: 10⁻⁶.
    /// A continuous χ changes there by ~10⁻⁶·σ_w²·dχ/dσ_w² ≪ <see cref="JumpThreshold"/>.
    /// </summary>
    public const double JumpProbe = 1e-6;

    /// <summary>A change of χ across the probe interval above which the root is a jump, not a crossing: 10⁻³.</summary>
    public const double JumpThreshold = 1e-3;

    /// <summary>
    /// A sign change of χ − 1 found by bracketing is a χ = 1 crossing only if χ is continuous there. At a saddle-node of
    /// the mean-field map (the branch reached from h = 0 disappears, e.g. minimalRNN μ_b = 6 near σ_w² ≈ 40) Q* and χ jump,
    /// and the "root" is the jump: reported as NotApplicable with both sides of the jump, never as a critical point.
    /// </summary>
    private static CriticalPoint RejectJump(CriticalPoint root, Func<double, double> chi, CancellationToken ct)
    {
        double below, above;
        try
        {
            below = chi(root.Value * (1 - JumpProbe));
            above = chi(root.Value * (1 + JumpProbe));
            ct.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new CriticalPoint(double.NaN, AnalysisOutcome.Cancelled);
        }

        return Math.Abs(above - below) <= JumpThreshold
            ? root
            : new CriticalPoint(double.NaN, AnalysisOutcome.NotApplicable(
                $"saddle-node jump, not a χ = 1 crossing: χ jumps from {below:G4} to {above:G4} at σ_w² = {root.Value:G6} (the Q* branch reached from h = 0 ends)"))
            {
                JumpAt = root.Value,
            };
    }

    private static CriticalPoint Find(Func<double, double> chiMinusOne, double[] grid, string noCrossing, CancellationToken ct)
    {
        try
        {
            if (chiMinusOne(grid[0]) >= 0)
            {
                return new CriticalPoint(double.NaN, AnalysisOutcome.NotConverged($"χ ≥ 1 already at σ_w² = {grid[0]}"));
            }

            var root = ScalarRoot.FirstCrossing(chiMinusOne, grid, upward: true, ct, accuracy: 1e-13);
            // A cancellation inside the scan's last evaluations yields NaN values, not an exception: recheck.
            ct.ThrowIfCancellationRequested();
            return root is { } value
                ? new CriticalPoint(value, AnalysisOutcome.Converged)
                : new CriticalPoint(double.NaN, AnalysisOutcome.NotConverged(noCrossing));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new CriticalPoint(double.NaN, AnalysisOutcome.Cancelled);
        }
    }
}
