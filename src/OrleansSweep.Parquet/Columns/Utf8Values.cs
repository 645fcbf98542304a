using System.Buffers;
using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Columns;

/// <summary>UTF8 values: PLAIN BYTE_ARRAY is a 4-byte little-endian length and the UTF-8 bytes.</summary>
/// <remarks>
/// Strings are checked for well-formed UTF-16 when the column is built (a lone surrogate has no UTF-8 form), so
/// encoding cannot fail later. Min/max use the UTF8 TYPE_ORDER, unsigned byte-wise over UTF-8, which equals
/// code-point order (<see cref="Utf8Text.CompareByCodePoint"/>). Bounds longer than
/// <see cref="MaxBoundBytes"/> bytes are left out rather than truncated: the footer stays small and every bound
/// written is exact.
/// </remarks>
internal sealed class Utf8Values : ColumnValues
{
    public const int MaxBoundBytes = 64;

    private readonly string?[] data;

    public Utf8Values(string name, string?[] values, bool nullable)
        : base(new ParquetColumn(name, ParquetType.Utf8, nullable), values.Length)
    {
        for (var row = 0; row < values.Length; row++)
        {
            if (values[row] is not { } value)
            {
                if (!nullable)
                {
                    throw new ArgumentException($"Column '{name}' is not nullable but row {row} is null.", nameof(values));
                }

                continue;
            }

            if (!Utf8Text.IsWellFormed(value))
            {
                throw new ArgumentException($"Column '{name}' row {row} is not well-formed UTF-16 (lone surrogate).", nameof(values));
            }
        }

        data = values;
    }

    public override PhysicalType PhysicalType => PhysicalType.ByteArray;

    public override bool IsNull(int row) => data[row] is null;

    public override void WritePlain(int start, int count, IBufferWriter<byte> destination)
    {
        for (var row = start; row < start + count; row++)
        {
            if (data[row] is not { } value)
            {
                continue;
            }

            var length = Utf8Text.Strict.GetByteCount(value);
            var span = destination.GetSpan(sizeof(int) + length);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            Utf8Text.Strict.GetBytes(value, span[sizeof(int)..]);
            destination.Advance(sizeof(int) + length);
        }
    }

    public override PlainBounds? FindBounds(int start, int count)
    {
        string? min = null, max = null;
        for (var row = start; row < start + count; row++)
        {
            if (data[row] is not { } value)
            {
                continue;
            }

            if (min is null || Utf8Text.CompareByCodePoint(value, min) < 0)
            {
                min = value;
            }

            if (max is null || Utf8Text.CompareByCodePoint(value, max) > 0)
            {
                max = value;
            }
        }

        if (min is null || max is null)
        {
            return null;
        }

        var minBytes = Utf8Text.Strict.GetBytes(min);
        var maxBytes = Utf8Text.Strict.GetBytes(max);
        return minBytes.Length <= MaxBoundBytes && maxBytes.Length <= MaxBoundBytes
            ? new PlainBounds(minBytes, maxBytes)
            : null;
    }
}
