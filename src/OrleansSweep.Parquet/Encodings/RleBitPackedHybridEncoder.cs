using System.Buffers;

namespace OrleansSweep.Parquet.Encodings;

/// <summary>The RLE / bit-packing hybrid of the Parquet encodings spec, used here for definition levels.</summary>
/// <remarks>
/// The stream is a sequence of runs, each starting with a ULEB128 varint header:
/// an RLE run is <c>header = count &lt;&lt; 1</c> followed by the repeated value in ⌈bitWidth / 8⌉ bytes;
/// a bit-packed run is <c>header = groups &lt;&lt; 1 | 1</c> followed by groups × 8 values packed LSB first,
/// bitWidth bytes per group of 8. Runs of ≥ 8 equal values become RLE runs; everything else is bit-packed, which
/// may only pad (with zeros) after the last value, since readers count bit-packed values in whole groups.
/// A bit-packed run holds at most 63 groups so that its header is one byte, as parquet-mr writes it.
/// The 4-byte length prefix of data page v1 levels is the caller's job.
/// </remarks>
internal static class RleBitPackedHybridEncoder
{
    private const int MinRleRun = 8;
    private const int MaxGroupsPerBitPackedRun = 63;

    /// <param name="values">The values, each &lt; 2^bitWidth.</param>
    /// <param name="bitWidth">Bits per value, 1..8 (a definition level of a flat OPTIONAL column needs 1).</param>
    /// <param name="destination">Receives the encoded runs.</param>
    public static void Encode(ReadOnlySpan<byte> values, int bitWidth, IBufferWriter<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitWidth, 8);
        var limit = 1 << bitWidth;
        foreach (var value in values)
        {
            if (value >= limit)
            {
                throw new ArgumentOutOfRangeException(nameof(values), $"Value {value} does not fit in {bitWidth} bits.");
            }
        }

        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i);
            if (run >= MinRleRun)
            {
                WriteVarint((uint)run << 1, destination);
                destination.GetSpan(1)[0] = values[i];
                destination.Advance(1);
                i += run;
                continue;
            }

            var first = i;
            var groups = 0;
            do
            {
                i += 8;
                groups++;
            }
            while (i < values.Length && groups < MaxGroupsPerBitPackedRun && RunLength(values, i) < MinRleRun);

            WriteBitPacked(values, first, groups, bitWidth, destination);
        }
    }

    private static int RunLength(ReadOnlySpan<byte> values, int start)
    {
        var end = start + 1;
        while (end < values.Length && values[end] == values[start])
        {
            end++;
        }

        return end - start;
    }

    private static void WriteBitPacked(ReadOnlySpan<byte> values, int first, int groups, int bitWidth, IBufferWriter<byte> destination)
    {
        WriteVarint(((uint)groups << 1) | 1, destination);
        var span = destination.GetSpan(groups * bitWidth);
        for (var g = 0; g < groups; g++)
        {
            // 8 values × bitWidth ≤ 64 bits: pack the group into one word, then emit its low bitWidth bytes.
            ulong word = 0;
            for (var k = 0; k < 8; k++)
            {
                var index = first + g * 8 + k;
                var value = index < values.Length ? values[index] : (byte)0;
                word |= (ulong)value << (k * bitWidth);
            }

            for (var b = 0; b < bitWidth; b++)
            {
                span[g * bitWidth + b] = (byte)(word >> (8 * b));
            }
        }

        destination.Advance(groups * bitWidth);
    }

    private static void WriteVarint(uint value, IBufferWriter<byte> destination)
    {
        var span = destination.GetSpan(5);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        destination.Advance(length);
    }
}
