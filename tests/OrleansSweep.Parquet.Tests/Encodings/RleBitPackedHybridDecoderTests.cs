using System.Buffers;
using OrleansSweep.Parquet.Encodings;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests.Encodings;

public sealed class RleBitPackedHybridDecoderTests
{
    [Theory]
    [InlineData(1UL, 1, 0.5)]
    [InlineData(2UL, 1, 0.02)]
    [InlineData(3UL, 2, 0.3)]
    [InlineData(4UL, 3, 0.1)]
    [InlineData(5UL, 5, 0.9)]
    [InlineData(6UL, 8, 0.5)]
    public void Decodes_what_the_encoder_writes(ulong seed, int bitWidth, double changeProbability)
    {
        var random = new RandomStream(seed);
        foreach (var length in new[] { 0, 1, 7, 8, 9, 64, 65, 505, 4096, 10_007 })
        {
            var values = new byte[length];
            var current = (byte)0;
            for (var i = 0; i < length; i++)
            {
                if (random.NextDouble() < changeProbability)
                {
                    current = (byte)(random.NextUInt64() % (1UL << bitWidth));
                }

                values[i] = current;
            }

            var encoded = Encode(values, bitWidth);
            var decoded = new int[length];
            RleBitPackedHybridDecoder.Decode(encoded, bitWidth, decoded);

            Assert.Equal(values.Select(v => (int)v), decoded);
            // Counting sees every value, plus at most the padding of a final bit-packed group.
            var count = RleBitPackedHybridDecoder.CountValues(encoded, bitWidth, int.MaxValue);
            Assert.InRange(count, length, length + 7);
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(24)]
    [InlineData(31)]
    [InlineData(32)]
    public void Wide_bit_packed_values_unpack_least_significant_bit_first(int bitWidth)
    {
        var random = new RandomStream((ulong)bitWidth);
        var values = Enumerable.Range(0, 24).Select(_ => (int)(uint)(random.NextUInt64() & (bitWidth == 32 ? uint.MaxValue : (1UL << bitWidth) - 1))).ToArray();

        // Independent packing: bit j of value i is bit (i·w + j) of the run, counted from the LSB of byte 0.
        var packed = new byte[values.Length * bitWidth / 8];
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < bitWidth; j++)
            {
                if ((((uint)values[i] >> j) & 1) != 0)
                {
                    var bit = i * bitWidth + j;
                    packed[bit / 8] |= (byte)(1 << (bit % 8));
                }
            }
        }

        byte[] run = [(byte)((values.Length / 8 << 1) | 1), .. packed];
        var decoded = new int[values.Length];
        RleBitPackedHybridDecoder.Decode(run, bitWidth, decoded);

        Assert.Equal(values, decoded);
    }

    [Fact]
    public void An_RLE_run_repeats_its_little_endian_value()
    {
        // 300 copies (header varint 600 = D8 04) of 0x012345 at width 17 (3 value bytes).
        byte[] run = [0xD8, 0x04, 0x45, 0x23, 0x01];
        var decoded = new int[300];

        RleBitPackedHybridDecoder.Decode(run, 17, decoded);

        Assert.All(decoded, value => Assert.Equal(0x012345, value));
        Assert.Equal(300, RleBitPackedHybridDecoder.CountValues(run, 17, int.MaxValue));
        Assert.Equal(10, RleBitPackedHybridDecoder.CountValues(run, 17, 10));
    }

    [Fact]
    public void Bit_width_zero_gives_zeros_without_value_bytes()
    {
        byte[] runs = [0x0A, 0x03]; // an RLE run of 5, then one bit-packed group of 8
        var decoded = Enumerable.Repeat(-1, 13).ToArray();

        RleBitPackedHybridDecoder.Decode(runs, 0, decoded);

        Assert.All(decoded, value => Assert.Equal(0, value));
    }

    [Fact]
    public void A_final_bit_packed_run_may_lack_its_padding()
    {
        // One group declared (width 8 → 8 bytes), but only the 3 values needed are present.
        byte[] run = [0x03, 7, 8, 9];
        var decoded = new int[3];

        RleBitPackedHybridDecoder.Decode(run, 8, decoded);

        Assert.Equal([7, 8, 9], decoded);
        Assert.Equal(3, RleBitPackedHybridDecoder.CountValues(run, 8, int.MaxValue));
    }

    [Theory]
    [InlineData(new byte[] { }, 1)] // no runs at all
    [InlineData(new byte[] { 0x04 }, 1)] // RLE run without its value byte
    [InlineData(new byte[] { 0x80, 0x80 }, 1)] // run header cut off
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, 1)] // run header longer than 5 bytes
    [InlineData(new byte[] { 0x03, 0x01 }, 16)] // bit-packed values cut off
    [InlineData(new byte[] { 0x04, 0x01 }, 33)] // bit width beyond 32
    public void Malformed_runs_are_invalid_data(byte[] data, int bitWidth)
    {
        Assert.Throws<InvalidDataException>(() => RleBitPackedHybridDecoder.Decode(data, bitWidth, new int[4]));
    }

    [Fact]
    public void Counting_stops_at_the_limit_without_reading_further_runs()
    {
        // A run of 2^30 ones followed by garbage: counting up to 100 never reaches the garbage.
        byte[] data = [0x80, 0x80, 0x80, 0x80, 0x08, 0x01, 0xFF];

        Assert.Equal(100, RleBitPackedHybridDecoder.CountValues(data, 1, 100));
    }

    private static byte[] Encode(byte[] values, int bitWidth)
    {
        var buffer = new ArrayBufferWriter<byte>();
        RleBitPackedHybridEncoder.Encode(values, bitWidth, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
