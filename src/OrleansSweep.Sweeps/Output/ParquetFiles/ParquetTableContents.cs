namespace OrleansSweep.Sweeps.Output.ParquetFiles;

/// <summary>A flat Parquet file as read back: its columns with every value, the row count and the footer.</summary>
/// <param name="Columns">Columns in file order (INT64 and FLOAT columns are widened to doubles for plotting; BOOLEAN columns read as <see cref="ColumnType.Boolean"/>, whose <see cref="PhaseMapColumn.NumberAt"/> is 1 or 0).</param>
/// <param name="Rows">Total rows over all row groups.</param>
/// <param name="Metadata">Footer key-value metadata.</param>
/// <param name="CreatedBy">The writer's created_by string, if any.</param>
/// <param name="RowGroups">Number of row groups.</param>
public sealed record ParquetTableContents(
    IReadOnlyList<PhaseMapColumn> Columns,
    int Rows,
    IReadOnlyDictionary<string, string> Metadata,
    string? CreatedBy,
    int RowGroups);
