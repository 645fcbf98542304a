using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Assembles the phase map from the plan and the stored results.</summary>
/// <remarks>
/// A plain sweep has one row per planned cell, in grid order (cells without a result read <c>missing</c>). A refined
/// sweep has one row per coarse cell and per computed child, in cell-index order (<see cref="RowCells"/>), and after
/// the axis columns the <c>depth</c> and <c>&lt;axis&gt;_lower</c>/<c>&lt;axis&gt;_upper</c> columns of
/// docs/refinement.md.
/// </remarks>
public static class PhaseMapBuilder
{
    public static PhaseMap Build(SweepPlan plan, IReadOnlyList<CellAnalyzed> results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var cells = RowCells(plan, results);
        var byId = results.ToDictionary(r => r.CellId, StringComparer.Ordinal);
        var rows = cells.Count;
        var columns = new List<PhaseMapColumn>();
        var axisColumns = new List<string>();

        foreach (var axis in plan.Axes)
        {
            var name = ColumnNames.ToSnakeCase(axis.Parameter);
            axisColumns.Add(name);
            if (axis.Parameter == "n")
            {
                columns.Add(new(name, ColumnType.Int32, false, cells.Select(c => (int?)c.N).ToArray()));
            }
            else
            {
                columns.Add(new(name, ColumnType.Double, false, cells.Select(c => (double?)c.AxisValues[axis.Parameter]).ToArray()));
            }
        }

        if (plan.Refinement is { } refinement)
        {
            AddRefinementColumns(columns, refinement, cells);
        }

        CellAnalyzed? ResultOf(PlannedCell cell) => byId.GetValueOrDefault(cell.Command.CellId);

        columns.Add(new("cell_id", ColumnType.Utf8, false, cells.Select(c => (string?)c.Command.CellId).ToArray()));
        columns.Add(new("cell_index", ColumnType.Int32, false, cells.Select(c => (int?)c.Command.CellIndex).ToArray()));
        if (!plan.Axes.Any(a => a.Parameter == "n"))
        {
            columns.Add(new("n", ColumnType.Int32, false, cells.Select(c => (int?)c.N).ToArray()));
        }

        columns.Add(new("realizations", ColumnType.Int32, false, cells.Select(c => (int?)c.Realizations).ToArray()));
        columns.Add(new("status", ColumnType.Utf8, false, cells.Select(c => (string?)(ResultOf(c)?.Status ?? "missing")).ToArray()));
        columns.Add(new("error", ColumnType.Utf8, true, cells.Select(c => ResultOf(c)?.Error).ToArray()));

        // Status texts ("converged", "not converged: …") sit beside their value: a null theory value says why.
        var statuses = results.SelectMany(r => r.Statuses.Keys).ToHashSet(StringComparer.Ordinal);
        void AddStatus(string name) =>
            columns.Add(new(name, ColumnType.Utf8, true, cells.Select(c => ResultOf(c)?.Statuses.GetValueOrDefault(name)).ToArray()));

        foreach (var metric in MetricOrder(results))
        {
            columns.Add(new(metric, ColumnType.Double, true, cells.Select(c => ResultOf(c)?.Metrics.GetValueOrDefault(metric)).ToArray()));
            if (statuses.Remove(metric + "_status"))
            {
                AddStatus(metric + "_status");
            }
        }

        foreach (var name in statuses.Order(StringComparer.Ordinal))
        {
            AddStatus(name);
        }

        columns.Add(new("duration_seconds", ColumnType.Double, true, cells.Select(c => ResultOf(c)?.DurationSeconds).ToArray()));
        return new PhaseMap(columns, rows, axisColumns);
    }

    /// <summary>
    /// The planned cell of each phase-map row. A plain sweep: <see cref="SweepPlan.Cells"/>. A refined sweep: every
    /// coarse cell (computed or not) and every other cell that has a result, in cell-index order, each rebuilt by
    /// <see cref="SweepPlan.CellAt"/> so it carries its depth and extents.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// In a refined sweep: two results for one cell index, a result whose index no cell of the refinement has, or whose
    /// cell id is not the id of the cell at its index (results of another spec).
    /// </exception>
    public static IReadOnlyList<PlannedCell> RowCells(SweepPlan plan, IReadOnlyList<CellAnalyzed> results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        if (plan.Refinement is null)
        {
            return plan.Cells;
        }

        var byIndex = new SortedDictionary<int, PlannedCell>();
        for (var i = 0; i < plan.Cells.Count; i++)
        {
            byIndex[i] = plan.Cells[i];
        }

        var seen = new HashSet<int>();
        foreach (var result in results)
        {
            if (!seen.Add(result.CellIndex))
            {
                throw new ArgumentException($"Two results for cell index {result.CellIndex} (cell {result.CellId}).", nameof(results));
            }

            PlannedCell planned;
            try
            {
                planned = plan.CellAt(result.CellIndex);
            }
            catch (ArgumentOutOfRangeException exception)
            {
                throw new ArgumentException(
                    $"Result for cell {result.CellId} has index {result.CellIndex}, which no cell of this refinement has: it belongs to another spec.",
                    nameof(results),
                    exception);
            }

            if (!string.Equals(planned.Command.CellId, result.CellId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Result for cell {result.CellId} has index {result.CellIndex}, but the cell at that index is {planned.Command.CellId}: it belongs to another spec.",
                    nameof(results));
            }

            byIndex[result.CellIndex] = planned;
        }

        return [.. byIndex.Values];
    }

    /// <summary><c>depth</c>, then <c>&lt;axis&gt;_lower</c> and <c>&lt;axis&gt;_upper</c> per refined axis in grid order (docs/refinement.md).</summary>
    private static void AddRefinementColumns(List<PhaseMapColumn> columns, RefinementPlan refinement, IReadOnlyList<PlannedCell> cells)
    {
        columns.Add(new(RefinementColumns.Depth, ColumnType.Int32, false, cells.Select(c => (int?)c.Depth).ToArray()));
        foreach (var axis in refinement.Axes)
        {
            var extents = cells.Select(c => c.Extents.Single(e => e.Axis == axis)).ToList();
            columns.Add(new(RefinementColumns.Lower(axis), ColumnType.Double, false, extents.Select(e => (double?)e.Lower).ToArray()));
            columns.Add(new(RefinementColumns.Upper(axis), ColumnType.Double, false, extents.Select(e => (double?)e.Upper).ToArray()));
        }
    }

    /// <summary>Known metrics in their documented order, then any others alphabetically (stable across runs).</summary>
    private static IEnumerable<string> MetricOrder(IReadOnlyList<CellAnalyzed> results)
    {
        var present = results.SelectMany(r => r.Metrics.Keys).ToHashSet(StringComparer.Ordinal);
        var known = CellMetrics.DocumentedOrder.Where(present.Contains).ToList();
        var others = present.Except(known).Order(StringComparer.Ordinal);
        return known.Concat(others);
    }
}
