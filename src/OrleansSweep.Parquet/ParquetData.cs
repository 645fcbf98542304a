namespace OrleansSweep.Parquet;

/// <summary>A whole Parquet file read into memory: its footer and one array per column.</summary>
/// <param name="Info">The footer: schema (<see cref="ParquetFileInfo.Columns"/>), row count, row groups, key-value metadata.</param>
/// <param name="Columns">One array per schema column, in schema order, each of <see cref="ParquetFileInfo.RowCount"/>
/// elements: <see cref="ParquetType.Int32"/> → <c>int?[]</c>, <see cref="ParquetType.Int64"/> → <c>long?[]</c>,
/// <see cref="ParquetType.Double"/> → <c>double?[]</c>, <see cref="ParquetType.Boolean"/> → <c>bool?[]</c>,
/// <see cref="ParquetType.Utf8"/> → <c>string?[]</c> — the nullable array type whether or not the column is nullable
/// (a REQUIRED column simply has no null element).</param>
public sealed record ParquetData(ParquetFileInfo Info, IReadOnlyList<Array> Columns);
