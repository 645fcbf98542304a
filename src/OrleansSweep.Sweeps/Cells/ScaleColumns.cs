using OrleansSweep.Science.Lyapunov;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// The per-scale columns of a Lyapunov analysis run from several initial scales (<c>"initialScales"</c>):
/// <c>lyapunov_max_scale_i</c>, <c>mean_square_activity_scale_i</c> (i = 1, 2, … by position in the list) and
/// <c>bistable</c> (1 when the scales ended on different attractors by <see cref="Bistability"/>, else 0; its mean over
/// realisations is the bistable fraction of the cell).
/// </summary>
/// <remarks>
/// A scale whose run diverged or was cancelled leaves its columns null and cannot make the realisation bistable.
/// With a single listed scale <c>bistable</c> is 0 by definition (nothing to compare).
/// </remarks>
internal static class ScaleColumns
{
    public static string MaxExponent(int position) => $"{CellMetrics.LyapunovMax}_scale_{position}";

    public static string MeanSquareActivity(int position) => $"{CellMetrics.MeanSquareActivity}_scale_{position}";

    public static void Record(RealizationResult result, IReadOnlyList<LyapunovResult> runs, int units)
    {
        var kinds = new AttractorKind[runs.Count];
        var activity = new double[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            kinds[i] = Bistability.Classify(run);
            activity[i] = run.Outcome.IsUsable ? run.MeanSquareState.Take(units).Average() : double.NaN;
            result.Set(MaxExponent(i + 1), run.Outcome.IsUsable ? run.MaxExponent : double.NaN);
            result.Set(MeanSquareActivity(i + 1), activity[i]);
        }

        result.Set(CellMetrics.Bistable, Bistability.IsBistable(kinds, activity) ? 1 : 0);
    }
}
