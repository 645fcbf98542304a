namespace OrleansSweep.Parquet;

/// <summary>Page compression codec.</summary>
public enum ParquetCompression
{
    /// <summary>Pages stored as encoded.</summary>
    Uncompressed,

    /// <summary>Snappy block format (raw, not framed), the codec every Parquet reader supports.</summary>
    Snappy,
}
