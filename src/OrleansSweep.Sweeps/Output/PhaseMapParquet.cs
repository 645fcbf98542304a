using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output.ParquetFiles;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Writes phase maps and their long-format companions as Parquet (through <see cref="ParquetTableWriter"/>).</summary>
public static class PhaseMapParquet
{
    public const string PhaseMapFile = "phase_map.parquet";
    public const string LyapunovSpectraFile = "lyapunov_spectra.parquet";

    /// <summary>Writes <paramref name="map"/> atomically (temporary file + rename) with the metadata.</summary>
    /// <remarks>Every column of the map is written as it stands, so metric columns added by the cells flow through.</remarks>
    public static Task WriteAsync(string path, PhaseMap map, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        return ParquetTableWriter.WriteAsync(path, map.Columns, map.Rows, metadata, cancellationToken);
    }

    /// <summary>
    /// The long-format table of mean Lyapunov spectra: one row per (cell, exponent index), with the cell's axis values
    /// (as doubles, N included), <c>cell_id</c>, <c>exponent_index</c> and <c>exponent</c>; all columns required. Cells in
    /// the phase map's row order (a refined sweep: every computed cell, by cell index).
    /// </summary>
    public static Task WriteLyapunovSpectraAsync(
        string path, SweepPlan plan, IReadOnlyList<CellAnalyzed> results, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var byId = results.ToDictionary(r => r.CellId, StringComparer.Ordinal);
        var rows = PhaseMapBuilder.RowCells(plan, results)
            .SelectMany(cell => (byId.GetValueOrDefault(cell.Command.CellId)?.Series.GetValueOrDefault("lyapunov_spectrum") ?? [])
                .Select((value, index) => (cell, index, value)))
            .ToList();
        var columns = new List<PhaseMapColumn>();
        foreach (var axis in plan.Axes)
        {
            columns.Add(new(ColumnNames.ToSnakeCase(axis.Parameter), ColumnType.Double, false,
                rows.Select(r => (double?)(axis.Parameter == "n" ? r.cell.N : r.cell.AxisValues[axis.Parameter])).ToArray()));
        }

        columns.Add(new("cell_id", ColumnType.Utf8, false, rows.Select(r => (string?)r.cell.Command.CellId).ToArray()));
        columns.Add(new("exponent_index", ColumnType.Int32, false, rows.Select(r => (int?)r.index).ToArray()));
        columns.Add(new("exponent", ColumnType.Double, false, rows.Select(r => (double?)r.value).ToArray()));
        return ParquetTableWriter.WriteAsync(path, columns, rows.Count, metadata, cancellationToken);
    }
}
