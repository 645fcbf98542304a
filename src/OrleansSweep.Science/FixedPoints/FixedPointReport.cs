using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>The result of one fixed-point search on one network.</summary>
/// <remarks>
/// <para>
/// <see cref="Distinct"/> is a <b>lower bound</b> on the number of fixed points: Newton from finitely many starts
/// misses points with small basins (§C: "Newton undercounts"). How incomplete the search probably is can be read from
/// the hit counts: <see cref="Singletons"/> (points found by exactly one converged start) over
/// <see cref="ConvergedStarts"/> is the Good–Turing estimate of the chance that one more start finds a new point,
/// and <see cref="EstimatedMissing"/> is the Chao1 estimate of the points not seen at all. With no singletons,
/// doubling the starts is not expected to find more.
/// </para>
/// <para>
/// Outcome: <see cref="AnalysisStatus.Converged"/> when at least one point was found;
/// <see cref="AnalysisStatus.NotConverged"/> when no start converged; <see cref="AnalysisStatus.NotApplicable"/>
/// for non-autonomous networks (inputs or untied weights); <see cref="AnalysisStatus.Cancelled"/> when the token fired
/// (counts are then those of the starts completed, and no points are classified or stored).
/// </para>
/// </remarks>
public sealed record FixedPointReport
{
    public required AnalysisOutcome Outcome { get; init; }

    /// <summary>Whether stability follows the flow rule (Re λ) or the map rule (|λ|).</summary>
    public required TimeKind Time { get; init; }

    /// <summary>
    /// The distinct points, at most <see cref="FixedPointOptions.KeepPoints"/>, ordered by number of unstable
    /// directions, then rms norm, then coordinates (so the order is reproducible).
    /// </summary>
    public required IReadOnlyList<FixedPoint> Points { get; init; }

    /// <summary>Distinct fixed points found: a lower bound on the true number.</summary>
    public required int Distinct { get; init; }

    /// <summary>Distinct points that are strictly stable.</summary>
    public required int StableCount { get; init; }

    /// <summary>Distinct points with a marginal eigenvalue and none outside the stable region.</summary>
    public required int MarginalCount { get; init; }

    /// <summary>Distinct points whose eigensolver failed (not in the histogram).</summary>
    public required int UnclassifiedCount { get; init; }

    /// <summary>IndexHistogram[k] = number of distinct points with k unstable directions; length = max index + 1.</summary>
    public required int[] IndexHistogram { get; init; }

    /// <summary>Starts actually run (fewer than the option when cancelled).</summary>
    public required int StartsUsed { get; init; }

    /// <summary>Starts that converged to a fixed point (duplicates included).</summary>
    public required int ConvergedStarts { get; init; }

    /// <summary>Starts that stalled at a local minimum of q with q &gt; 0 (slow points), rejected.</summary>
    public required int SlowPointsRejected { get; init; }

    /// <summary>Starts that diverged, left the bound, or ran out of iterations away from any stationary point.</summary>
    public required int FailedStarts { get; init; }

    /// <summary>Distinct points found by exactly one converged start.</summary>
    public required int Singletons { get; init; }

    /// <summary>Distinct points found by exactly two converged starts.</summary>
    public required int Doubletons { get; init; }

    /// <summary>The options the search used.</summary>
    public required FixedPointOptions Options { get; init; }

    /// <summary>Good–Turing probability that one more start finds a new point: Singletons / ConvergedStarts.</summary>
    public double NewPointProbability => ConvergedStarts == 0 ? 1.0 : (double)Singletons / ConvergedStarts;

    /// <summary>
    /// Chao1 estimate of the points not found: f₁²/(2f₂), or f₁(f₁ − 1)/2 when f₂ = 0 (f_k = points hit k times).
    /// </summary>
    public double EstimatedMissing => Doubletons > 0
        ? Singletons * (double)Singletons / (2.0 * Doubletons)
        : Singletons * (Singletons - 1.0) / 2.0;

    /// <summary>Whether doubling the starts would be expected to find more points (some point was hit only once).</summary>
    public bool LikelyIncomplete => Singletons > 0;

    internal static FixedPointReport Empty(AnalysisOutcome outcome, TimeKind time, FixedPointOptions options) => new()
    {
        Outcome = outcome,
        Time = time,
        Points = [],
        Distinct = 0,
        StableCount = 0,
        MarginalCount = 0,
        UnclassifiedCount = 0,
        IndexHistogram = [],
        StartsUsed = 0,
        ConvergedStarts = 0,
        SlowPointsRejected = 0,
        FailedStarts = 0,
        Singletons = 0,
        Doubletons = 0,
        Options = options,
    };
}
