using OrleansSweep.Parquet.Columns;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Writing;

/// <summary>Column-chunk statistics: null count always; min/max when the chunk has orderable values.</summary>
/// <remarks>
/// Bounds go to min_value/max_value, whose order the footer's column_orders declares (TYPE_ORDER). For INT32,
/// INT64, DOUBLE and BOOLEAN that order is also the signed order of the deprecated min/max fields, so they are
/// written too, for readers that predate min_value/max_value; for UTF8 (unsigned byte order) they are not.
/// </remarks>
internal static class ChunkStatistics
{
    public static Statistics Compute(ColumnValues values, int start, int count)
    {
        var bounds = values.FindBounds(start, count);
        var signedOrder = values.PhysicalType != PhysicalType.ByteArray;
        return new Statistics(
            values.CountNulls(start, count),
            bounds?.Min,
            bounds?.Max,
            signedOrder ? bounds?.Min : null,
            signedOrder ? bounds?.Max : null);
    }
}
