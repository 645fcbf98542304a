using System.Text;
using OrleansSweep.Parquet.Columns;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests.Columns;

public sealed class Utf8TextTests
{
    private static readonly string[] Pieces = ["a", "z", "é", "\u07FF", "\u0800", "日", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "😀", "𐀀", "\U0010FFFF", ""];

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Code_point_order_equals_unsigned_UTF8_byte_order(ulong seed)
    {
        var random = new RandomStream(seed);
        for (var trial = 0; trial < 2000; trial++)
        {
            var a = RandomString(random);
            var b = RandomString(random);

            var expected = Math.Sign(Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)));

            Assert.True(expected == Math.Sign(Utf8Text.CompareByCodePoint(a, b)), $"{Escape(a)} vs {Escape(b)}");
        }
    }

    [Fact]
    public void Lone_surrogates_are_not_well_formed()
    {
        Assert.True(Utf8Text.IsWellFormed("ok 😀"));
        Assert.False(Utf8Text.IsWellFormed("\uD83D"));
        Assert.False(Utf8Text.IsWellFormed("x\uDE00"));
        Assert.False(Utf8Text.IsWellFormed("\uDE00\uD83D"));
    }

    private static string RandomString(RandomStream random)
    {
        var builder = new StringBuilder();
        var length = (int)(random.NextUInt64() % 4);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Pieces[random.NextUInt64() % (ulong)Pieces.Length]);
        }

        return builder.ToString();
    }

    private static string Escape(string value) => string.Concat(value.Select(c => $"\\u{(int)c:X4}"));
}
