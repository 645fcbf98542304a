using OrleansSweep.Science.Theory.Solvers;

namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>A critical point found by root bracketing, with its status.</summary>
public sealed record CriticalPoint(double Value, AnalysisOutcome Outcome);

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
        return Find(
            w2 =>
            {
                var p = new CpsParameters(w2, sigmaV2, r, sigmaB2, muB);
                return MinimalMeanField.Solve(p, ct).Chi - 1;
            },
            grid,
            "χ < 1 for every σ_w² ≤ 10⁴",
            ct);
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
