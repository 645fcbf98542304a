using OrleansSweep.Contracts;
using OrleansSweep.Parquet;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Output;

/// <summary>Writes phase maps and their long-format companions as Parquet.</summary>
public static class PhaseMapParquet
{
    public const string PhaseMapFile = "phase_map.parquet";
    public const string LyapunovSpectraFile = "lyapunov_spectra.parquet";

    /// <summary>Writes <paramref name="map"/> atomically (temporary file + rename) with the metadata.</summary>
    public static void Write(string path, PhaseMap map, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(map);
        var table = new ParquetTable(map.Rows);
        foreach (var column in map.Columns)
        {
            switch (column.Values)
            {
                case int?[] ints when column.Nullable:
                    table.AddInt32(column.Name, ints);
                    break;
                case int?[] ints:
                    table.AddInt32(column.Name, ints.Select(v => v!.Value).ToArray());
                    break;
                case double?[] doubles when column.Nullable:
                    table.AddDouble(column.Name, doubles);
                    break;
                case double?[] doubles:
                    table.AddDouble(column.Name, doubles.Select(v => v!.Value).ToArray());
                    break;
                case string?[] strings:
                    table.AddUtf8(column.Name, strings, column.Nullable);
                    break;
                default:
                    throw new InvalidOperationException($"Column {column.Name} has an unsupported value array.");
            }
        }

        ParquetFileWriter.Write(path, table, metadata);
    }

    /// <summary>
    /// The long-format table of mean Lyapunov spectra: one row per (cell, exponent index), with the cell's axis values.
    /// </summary>
    public static void WriteLyapunovSpectra(string path, SweepPlan plan, IReadOnlyList<CellAnalyzed> results, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var byId = results.ToDictionary(r => r.CellId, StringComparer.Ordinal);
        var rows = plan.Cells
            .SelectMany(cell => (byId.GetValueOrDefault(cell.Command.CellId)?.Series.GetValueOrDefault("lyapunov_spectrum") ?? [])
                .Select((value, index) => (cell, index, value)))
            .ToList();
        var table = new ParquetTable(rows.Count);
        foreach (var axis in plan.Axes)
        {
            table.AddDouble(ColumnNames.ToSnakeCase(axis.Parameter), rows.Select(r => axis.Parameter == "n" ? r.cell.N : r.cell.AxisValues[axis.Parameter]).ToArray());
        }

        table.AddUtf8("cell_id", rows.Select(r => (string?)r.cell.Command.CellId).ToArray(), nullable: false);
        table.AddInt32("exponent_index", rows.Select(r => r.index).ToArray());
        table.AddDouble("exponent", rows.Select(r => r.value).ToArray());
        ParquetFileWriter.Write(path, table, metadata);
    }
}
