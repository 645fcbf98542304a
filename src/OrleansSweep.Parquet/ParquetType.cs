namespace OrleansSweep.Parquet;

/// <summary>The column types this writer supports, each with one fixed Parquet physical type.</summary>
/// <remarks>
/// <see cref="Int32"/> → INT32, <see cref="Int64"/> → INT64, <see cref="Double"/> → DOUBLE (IEEE 754 binary64,
/// NaN and ±∞ stored as is), <see cref="Boolean"/> → BOOLEAN, <see cref="Utf8"/> → BYTE_ARRAY annotated with the
/// STRING logical type and the UTF8 converted type, so that readers of either generation see a string.
/// </remarks>
public enum ParquetType
{
    Int32,
    Int64,
    Double,
    Boolean,
    Utf8,
}
