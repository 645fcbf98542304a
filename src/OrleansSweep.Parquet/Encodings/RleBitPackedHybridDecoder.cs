namespace OrleansSweep.Parquet.Encodings;

/// <summary>Decodes the RLE / bit-packing hybrid (definition levels, dictionary indices, RLE booleans).</summary>
/// <remarks>
/// The run format is described on <see cref="RleBitPackedHybridEncoder"/>; bit widths 0..32 are accepted (0: every
/// value is 0 and runs carry no value bytes). The data is untrusted: a truncated varint or RLE value raises
/// <see cref="InvalidDataException"/>. A final bit-packed run may be cut short after the last value a reader needs
/// (only its padding is missing), as some writers do; values are never read beyond the data. Every loop consumes
/// at least one byte per run, so work is bounded by the data length plus the values produced.
/// </remarks>
internal static class RleBitPackedHybridDecoder
{
    public const int MaxBitWidth = 32;

    /// <summary>How many values the runs in <paramref name="data"/> hold, counting up to <paramref name="limit"/>.</summary>
    /// <remarks>Cheap (no values are materialised): lets a caller check a claimed count before allocating for it.</remarks>
    public static int CountValues(ReadOnlySpan<byte> data, int bitWidth, int limit)
    {
        CheckBitWidth(bitWidth);
        var position = 0;
        long count = 0;
        while (position < data.Length && count < limit)
        {
            var (isRle, runLength) = ReadRunHeader(data, ref position);
            if (isRle)
            {
                Take(data, ref position, ValueBytes(bitWidth));
                count += runLength;
                continue;
            }

            var bytes = (long)runLength * bitWidth / 8;
            var available = Math.Min(bytes, data.Length - position);
            count += bitWidth == 0 ? runLength : Math.Min(runLength, available * 8 / bitWidth);
            position += (int)available;
        }

        return (int)Math.Min(count, limit);
    }

    /// <summary>Fills <paramref name="destination"/> with the first destination.Length values.</summary>
    /// <exception cref="InvalidDataException">The data holds fewer values, or is malformed.</exception>
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> destination)
    {
        CheckBitWidth(bitWidth);
        var position = 0;
        var produced = 0;
        while (produced < destination.Length)
        {
            if (position >= data.Length)
            {
                throw Corrupt($"the runs end after {produced} of {destination.Length} values");
            }

            var (isRle, runLength) = ReadRunHeader(data, ref position);
            var take = (int)Math.Min(runLength, destination.Length - produced);
            if (isRle)
            {
                var value = ReadRleValue(Take(data, ref position, ValueBytes(bitWidth)));
                destination.Slice(produced, take).Fill(value);
                produced += take;
                continue;
            }

            // Only the bytes of the values taken must exist: the run's padding may be missing at the end.
            var needed = (int)(((long)take * bitWidth + 7) / 8);
            var declared = (long)runLength * bitWidth / 8;
            var packed = Take(data, ref position, needed);
            UnpackBits(packed, bitWidth, destination.Slice(produced, take));
            produced += take;
            position += (int)Math.Min(declared - needed, data.Length - position);
        }
    }

    private static (bool IsRle, long RunLength) ReadRunHeader(ReadOnlySpan<byte> data, ref int position)
    {
        ulong header = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw Corrupt("a run header is longer than 5 bytes");
            }

            var b = Take(data, ref position, 1)[0];
            header |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        // RLE: count = header >> 1; bit-packed: (header >> 1) groups of 8 values.
        return (header & 1) == 0 ? (true, (long)(header >> 1)) : (false, (long)(header >> 1) * 8);
    }

    private static int ReadRleValue(ReadOnlySpan<byte> bytes)
    {
        uint value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            value |= (uint)bytes[i] << (8 * i);
        }

        return (int)value;
    }

    private static void UnpackBits(ReadOnlySpan<byte> packed, int bitWidth, Span<int> destination)
    {
        if (bitWidth == 0)
        {
            destination.Clear();
            return;
        }

        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        for (var i = 0; i < destination.Length; i++)
        {
            // LSB first: value i occupies bits [i·w, (i+1)·w) of the little-endian byte stream (at most 5 bytes).
            var bit = (long)i * bitWidth;
            var first = (int)(bit >> 3);
            var shift = (int)(bit & 7);
            var last = Math.Min(packed.Length, first + ((shift + bitWidth + 7) >> 3));
            ulong word = 0;
            for (var b = first; b < last; b++)
            {
                word |= (ulong)packed[b] << (8 * (b - first));
            }

            destination[i] = (int)((uint)(word >> shift) & mask);
        }
    }

    private static int ValueBytes(int bitWidth) => (bitWidth + 7) / 8;

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int position, int length)
    {
        if (length > data.Length - position)
        {
            throw Corrupt($"needs {length} bytes at offset {position} of {data.Length}");
        }

        var span = data.Slice(position, length);
        position += length;
        return span;
    }

    private static void CheckBitWidth(int bitWidth)
    {
        if (bitWidth is < 0 or > MaxBitWidth)
        {
            throw Corrupt($"bit width {bitWidth} is outside 0..{MaxBitWidth}");
        }
    }

    private static InvalidDataException Corrupt(string detail) => new($"Corrupt RLE/bit-packed data: {detail}.");
}
