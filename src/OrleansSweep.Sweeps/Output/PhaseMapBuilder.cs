using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Assembles the phase map from the plan and the stored results (one row per planned cell).</summary>
public static class PhaseMapBuilder
{
    public static PhaseMap Build(SweepPlan plan, IReadOnlyList<CellAnalyzed> results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var byId = results.ToDictionary(r => r.CellId, StringComparer.Ordinal);
        var rows = plan.Cells.Count;
        var columns = new List<PhaseMapColumn>();
        var axisColumns = new List<string>();

        foreach (var axis in plan.Axes)
        {
            var name = ColumnNames.ToSnakeCase(axis.Parameter);
            axisColumns.Add(name);
            if (axis.Parameter == "n")
            {
                columns.Add(new(name, ColumnType.Int32, false, plan.Cells.Select(c => (int?)c.N).ToArray()));
            }
            else
            {
                columns.Add(new(name, ColumnType.Double, false, plan.Cells.Select(c => (double?)c.AxisValues[axis.Parameter]).ToArray()));
            }
        }

        CellAnalyzed? ResultOf(PlannedCell cell) => byId.GetValueOrDefault(cell.Command.CellId);

        columns.Add(new("cell_id", ColumnType.Utf8, false, plan.Cells.Select(c => (string?)c.Command.CellId).ToArray()));
        columns.Add(new("cell_index", ColumnType.Int32, false, plan.Cells.Select(c => (int?)c.Command.CellIndex).ToArray()));
        if (!plan.Axes.Any(a => a.Parameter == "n"))
        {
            columns.Add(new("n", ColumnType.Int32, false, plan.Cells.Select(c => (int?)c.N).ToArray()));
        }

        columns.Add(new("realizations", ColumnType.Int32, false, plan.Cells.Select(c => (int?)c.Realizations).ToArray()));
        columns.Add(new("status", ColumnType.Utf8, false, plan.Cells.Select(c => (string?)(ResultOf(c)?.Status ?? "missing")).ToArray()));
        columns.Add(new("error", ColumnType.Utf8, true, plan.Cells.Select(c => ResultOf(c)?.Error).ToArray()));

        // Status texts ("converged", "not converged: …") sit beside their value: a null theory value says why.
        var statuses = results.SelectMany(r => r.Statuses.Keys).ToHashSet(StringComparer.Ordinal);
        void AddStatus(string name) =>
            columns.Add(new(name, ColumnType.Utf8, true, plan.Cells.Select(c => ResultOf(c)?.Statuses.GetValueOrDefault(name)).ToArray()));

        foreach (var metric in MetricOrder(results))
        {
            columns.Add(new(metric, ColumnType.Double, true, plan.Cells.Select(c => ResultOf(c)?.Metrics.GetValueOrDefault(metric)).ToArray()));
            if (statuses.Remove(metric + "_status"))
            {
                AddStatus(metric + "_status");
            }
        }

        foreach (var name in statuses.Order(StringComparer.Ordinal))
        {
            AddStatus(name);
        }

        columns.Add(new("duration_seconds", ColumnType.Double, true, plan.Cells.Select(c => ResultOf(c)?.DurationSeconds).ToArray()));
        return new PhaseMap(columns, rows, axisColumns);
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
