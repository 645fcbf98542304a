using System.Buffers;
using OrleansSweep.Parquet.Encodings;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests.Encodings;

public sealed class RleBitPackedHybridEncoderTests
{
    [Fact]
    public void A_long_run_is_one_RLE_run()
    {
        // 1000 ones at width 1: header varint(1000 << 1 = 2000) = D0 0F, then the value in one byte.
        var encoded = Encode(Enumerable.Repeat((byte)1, 1000).ToArray(), bitWidth: 1);

        Assert.Equal([0xD0, 0x0F, 0x01], encoded);
    }

    [Fact]
    public void Alternating_values_are_bit_packed_least_significant_bit_first()
    {
        // 16 values 1,0,1,0…: two groups, header (2 << 1) | 1 = 5, each group 0b01010101 = 0x55.
        var encoded = Encode(Enumerable.Range(0, 16).Select(i => (byte)(i % 2 == 0 ? 1 : 0)).ToArray(), bitWidth: 1);

        Assert.Equal([0x05, 0x55, 0x55], encoded);
    }

    [Fact]
    public void A_short_tail_is_padded_to_a_whole_group()
    {
        // Three values 1,0,1: one group (header 3), bits 101 → 0x05, the other five bits zero.
        Assert.Equal([0x03, 0x05], Encode([1, 0, 1], bitWidth: 1));
        Assert.Empty(Encode([], bitWidth: 1));
    }

    [Theory]
    [InlineData(1UL, 1, 0.5)]
    [InlineData(2UL, 1, 0.02)]
    [InlineData(3UL, 1, 0.98)]
    [InlineData(4UL, 2, 0.3)]
    [InlineData(5UL, 3, 0.1)]
    [InlineData(6UL, 8, 0.5)]
    public void Random_levels_decode_back_exactly(ulong seed, int bitWidth, double changeProbability)
    {
        var random = new RandomStream(seed);
        foreach (var length in new[] { 1, 7, 8, 9, 63, 64, 65, 505, 513, 4096, 10_007 })
        {
            // Runs of random length: changeProbability sets how often the value changes (long runs vs noise).
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

            var decoded = Decode(Encode(values, bitWidth), bitWidth, length);

            Assert.Equal(values, decoded);
        }
    }

    [Fact]
    public void Values_wider_than_the_bit_width_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode([0, 2], bitWidth: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode([0], bitWidth: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode([0], bitWidth: 9));
    }

    private static byte[] Encode(byte[] values, int bitWidth)
    {
        var buffer = new ArrayBufferWriter<byte>();
        RleBitPackedHybridEncoder.Encode(values, bitWidth, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An independent decoder written from the Parquet encodings spec (not from the encoder).</summary>
    private static byte[] Decode(byte[] encoded, int bitWidth, int count)
    {
        var output = new List<byte>(count);
        var position = 0;
        while (output.Count < count)
        {
            ulong header = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = encoded[position++];
                header |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            if ((header & 1) == 0)
            {
                var run = (int)(header >> 1);
                var value = encoded[position++]; // ⌈bitWidth / 8⌉ = 1 byte for widths up to 8
                output.AddRange(Enumerable.Repeat(value, run));
            }
            else
            {
                var valuesInRun = (int)(header >> 1) * 8;
                var bitPosition = 0;
                for (var v = 0; v < valuesInRun; v++)
                {
                    var value = 0;
                    for (var bit = 0; bit < bitWidth; bit++, bitPosition++)
                    {
                        var source = encoded[position + (bitPosition >> 3)];
                        value |= ((source >> (bitPosition & 7)) & 1) << bit;
                    }

                    output.Add((byte)value);
                }

                position += valuesInRun * bitWidth / 8;
            }
        }

        Assert.Equal(encoded.Length, position);
        return output.Take(count).ToArray();
    }
}
