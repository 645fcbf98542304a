using System.Globalization;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Output;

/// <summary>
/// What the outputs of a refined sweep need from its <see cref="RefinementPlan"/>: the samples of the results (or of
/// a phase map read back), the completeness check before anything is written, and the boundary.
/// </summary>
public static class RefinementOutputs
{
    /// <summary>How many indices an error message lists before it says "…".</summary>
    private const int Listed = 8;

    /// <summary>The refiner's sample of every result (failed ones too: their null mean is a sample).</summary>
    public static List<RefineSample> Samples(RefinementPlan refinement, IReadOnlyList<CellAnalyzed> results)
    {
        ArgumentNullException.ThrowIfNull(refinement);
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Select(r => refinement.SampleOf(r.CellIndex, r.Metrics))];
    }

    /// <summary>
    /// The samples of a refined phase map's rows, from its <c>cell_index</c>, metric and <c>&lt;metric&gt;_sem</c>
    /// columns; rows with status <c>missing</c> are not computed cells and are left out. Null when a column is absent.
    /// </summary>
    public static List<RefineSample>? Samples(RefinementPlan refinement, PhaseMap map)
    {
        ArgumentNullException.ThrowIfNull(refinement);
        ArgumentNullException.ThrowIfNull(map);
        var metric = refinement.Settings.Metric;
        if (map.Find("cell_index") is not { Values: int?[] indices } || map.Find(metric) is not { } values)
        {
            return null;
        }

        var sem = map.Find(metric + "_sem");
        var status = map.Find("status");
        return [.. Enumerable.Range(0, map.Rows)
            .Where(r => status is null || (string?)status.Values.GetValue(r) != "missing")
            .Select(r => new RefineSample(indices[r]!.Value, values.NumberAt(r), sem?.NumberAt(r)))];
    }

    /// <summary>
    /// Throws unless <paramref name="results"/> are a finished refinement: every coarse cell has a result and
    /// <see cref="RefinementPlan.NextCells"/> asks for nothing more.
    /// </summary>
    /// <exception cref="InvalidOperationException">Coarse cells are missing, or the refinement would compute more cells; the message says which.</exception>
    /// <exception cref="ArgumentException">A result's index belongs to no cell of the refinement, or is given twice.</exception>
    public static void RequireComplete(SweepPlan plan, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var refinement = plan.Refinement ?? throw new ArgumentException("The plan has no refinement.", nameof(plan));
        var present = results.Select(r => r.CellIndex).ToHashSet();
        var missing = Enumerable.Range(0, plan.Cells.Count).Where(i => !present.Contains(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The refined sweep has {plan.Cells.Count} coarse cells but {missing.Count} of them have no result "
                + $"(cell index {List(missing)}): it is not complete. Run the sweep again to finish it.");
        }

        var next = refinement.NextCells(Samples(refinement, results), cancellationToken);
        if (next.Count > 0)
        {
            throw new InvalidOperationException(
                $"The refinement of {refinement.Settings.Metric} = {CanonicalNumber.Show(refinement.Settings.Level)} is not finished: "
                + $"{results.Count} cells were read and {next.Count} more are due (cell index {List(next.Select(c => c.Cell.Index).ToList())}, "
                + $"depth {string.Join("/", next.Select(c => c.Depth).Distinct().Order())}). Run the sweep again to finish it.");
        }
    }

    /// <summary>The phase boundary of the results (see <see cref="RefinementPlan.Boundary"/>).</summary>
    public static IReadOnlyList<BoundaryPoint> Boundary(RefinementPlan refinement, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken = default) =>
        refinement.Boundary(Samples(refinement, results), cancellationToken);

    /// <summary>The key-value metadata a refined sweep adds to its Parquet files: the refined metric and its level.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Metadata(RefinementPlan refinement)
    {
        ArgumentNullException.ThrowIfNull(refinement);
        yield return new(RefinementColumns.MetricKey, refinement.Settings.Metric);
        yield return new(RefinementColumns.LevelKey, CanonicalNumber.Format(refinement.Settings.Level));
    }

    private static string List(IReadOnlyList<int> indices) =>
        string.Join(", ", indices.Take(Listed).Select(i => i.ToString(CultureInfo.InvariantCulture))) + (indices.Count > Listed ? ", …" : "");
}
