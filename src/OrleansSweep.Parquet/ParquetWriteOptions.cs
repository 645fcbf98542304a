namespace OrleansSweep.Parquet;

/// <summary>How <see cref="ParquetFileWriter"/> lays a table out.</summary>
/// <param name="Compression">Page codec; SNAPPY by default.</param>
/// <param name="RowGroupSize">Maximum rows per row group (≥ 1). Larger groups compress and scan better; smaller ones
/// let readers skip more by statistics.</param>
/// <param name="CreatedBy">The footer's created_by; null means "OrleansSweep version &lt;assembly version&gt;".</param>
/// <remarks>Pages hold at most 8192 rows each, so a row group of n rows has ⌈n / 8192⌉ data pages per column.</remarks>
public sealed record ParquetWriteOptions(
    ParquetCompression Compression = ParquetCompression.Snappy,
    int RowGroupSize = 65536,
    string? CreatedBy = null);
