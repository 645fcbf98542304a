namespace OrleansSweep.Parquet;

/// <summary>A flat column: its name, type, and whether it may hold nulls.</summary>
/// <param name="Name">Column name as readers show it (unique within a table, not blank).</param>
/// <param name="Type">The column's value type.</param>
/// <param name="Nullable">True: OPTIONAL repetition (nulls allowed); false: REQUIRED.</param>
public sealed record ParquetColumn(string Name, ParquetType Type, bool Nullable);
