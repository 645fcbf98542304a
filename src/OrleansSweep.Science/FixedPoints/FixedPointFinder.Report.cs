using System.Numerics.Tensors;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>Classification of the distinct points and assembly of the <see cref="FixedPointReport"/>.</summary>
public static partial class FixedPointFinder
{
    private static FixedPointReport BuildReport(
        IDynamicalSystem system, FixedPointOptions options, IDenseKernels kernels, DistinctPointSet points, StartTally tally)
    {
        var classifier = new StabilityClassifier(system, kernels, options.MarginalTolerance);
        var classified = points.Entries.Select(e => classifier.Classify(e, options.KeepEigenvalues)).ToList();
        var known = classified.Where(p => p.Stability != FixedPointStability.Unknown).ToList();
        var histogram = new int[known.Count == 0 ? 0 : known.Max(p => p.UnstableDirections) + 1];
        foreach (var point in known)
        {
            histogram[point.UnstableDirections]++;
        }

        var outcome = points.Count > 0
            ? AnalysisOutcome.Converged
            : AnalysisOutcome.NotConverged(options.Starts == 0
                ? "no starts were requested"
                : $"no start converged ({tally.SlowPoints} slow points, {tally.Failed} failed)");

        return new FixedPointReport
        {
            Outcome = outcome,
            Time = system.Time,
            Points = classified.OrderBy(p => p, PointOrder.Instance).Take(options.KeepPoints).ToList(),
            Distinct = points.Count,
            StableCount = classified.Count(p => p.Stability == FixedPointStability.Stable),
            MarginalCount = classified.Count(p => p.Stability == FixedPointStability.Marginal),
            UnclassifiedCount = classified.Count - known.Count,
            IndexHistogram = histogram,
            StartsUsed = tally.Used,
            ConvergedStarts = tally.Converged,
            SlowPointsRejected = tally.SlowPoints,
            FailedStarts = tally.Failed,
            Singletons = points.CountWithHits(1),
            Doubletons = points.CountWithHits(2),
            Options = options,
        };
    }

    private static FixedPointReport Cancelled(
        IDynamicalSystem system, FixedPointOptions options, DistinctPointSet points, StartTally tally) =>
        FixedPointReport.Empty(AnalysisOutcome.Cancelled, system.Time, options) with
        {
            Distinct = points.Count,
            StartsUsed = tally.Used,
            ConvergedStarts = tally.Converged,
            SlowPointsRejected = tally.SlowPoints,
            FailedStarts = tally.Failed,
            Singletons = points.CountWithHits(1),
            Doubletons = points.CountWithHits(2),
        };

    /// <summary>Unstable directions (unknown last), then rms norm, then coordinates: a reproducible order.</summary>
    private sealed class PointOrder : IComparer<FixedPoint>
    {
        public static PointOrder Instance { get; } = new();

        public int Compare(FixedPoint? a, FixedPoint? b)
        {
            if (a is null || b is null)
            {
                return (a is null).CompareTo(b is null);
            }

            var byIndex = Rank(a).CompareTo(Rank(b));
            if (byIndex != 0)
            {
                return byIndex;
            }

            var byNorm = TensorPrimitives.Norm<double>(a.State).CompareTo(TensorPrimitives.Norm<double>(b.State));
            if (byNorm != 0)
            {
                return byNorm;
            }

            for (var i = 0; i < a.State.Length; i++)
            {
                var byCoordinate = a.State[i].CompareTo(b.State[i]);
                if (byCoordinate != 0)
                {
                    return byCoordinate;
                }
            }

            return 0;
        }

        private static int Rank(FixedPoint p) =>
            p.Stability == FixedPointStability.Unknown ? int.MaxValue : p.UnstableDirections;
    }
}
