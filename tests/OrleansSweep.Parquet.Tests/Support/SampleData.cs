using System.Text;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>Deterministic test values: edge cases first, then draws from a <see cref="RandomStream"/>.</summary>
public static class SampleData
{
    public static readonly int[] Int32Edges = [int.MinValue, int.MaxValue, 0, -1, 1, int.MinValue + 1, int.MaxValue - 1];

    public static readonly long[] Int64Edges =
        [long.MinValue, long.MaxValue, 0, -1, 1, long.MinValue + 1, long.MaxValue - 1, int.MaxValue + 1L, int.MinValue - 1L];

    public static readonly double[] DoubleEdges =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.Epsilon, -double.Epsilon,
        double.MaxValue, double.MinValue, 2.2250738585072014E-308, Math.PI, 0.1, -1e-300, 1e300,
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001), // a NaN with a payload
    ];

    public static readonly string[] StringEdges =
    [
        "", "a", "héllo wörld", "Ünïcödé àçcênts", "日本語のテキスト", "中文", "한국어", "😀", "🚀👩‍🔬🧪", "mixed é 日 😀 z",
        "\uE000", "\uFFFD", "\uFFFF", "tab\tnew\nline", "quote\" apostrophe' backslash\\", "\u0001control",
        new string('x', 200), "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math",
    ];

    private static readonly string[] Pieces =
        ["a", "Z", "0", " ", "é", "ß", "ø", "日", "本", "語", "😀", "🚀", "\uE000", "\uFFFD", "Ω", "-", "_", "ж"];

    public static int[] Int32s(RandomStream random, int count) =>
        Fill(count, Int32Edges, () => (int)random.NextUInt64());

    public static long[] Int64s(RandomStream random, int count) =>
        Fill(count, Int64Edges, () => (long)random.NextUInt64());

    public static double[] Doubles(RandomStream random, int count) =>
        Fill(count, DoubleEdges, () => random.NextDouble() < 0.5 ? random.NextGaussian() * 1e3 : BitConverter.Int64BitsToDouble((long)random.NextUInt64()));

    public static bool[] Booleans(RandomStream random, int count) =>
        Fill(count, [true, false], () => random.NextDouble() < 0.5);

    public static string[] Strings(RandomStream random, int count) =>
        Fill(count, StringEdges, () => RandomString(random));

    /// <summary>Nulls out values with probability <paramref name="nullFraction"/> (the first and last rows always null).</summary>
    public static T?[] WithNulls<T>(RandomStream random, T[] values, double nullFraction)
        where T : struct
    {
        var result = new T?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = IsNull(random, i, values.Length, nullFraction) ? null : values[i];
        }

        return result;
    }

    public static string?[] WithNulls(RandomStream random, string[] values, double nullFraction)
    {
        var result = new string?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = IsNull(random, i, values.Length, nullFraction) ? null : values[i];
        }

        return result;
    }

    private static bool IsNull(RandomStream random, int i, int length, double nullFraction) =>
        i == 0 || i == length - 1 || random.NextDouble() < nullFraction;

    private static string RandomString(RandomStream random)
    {
        var length = (int)(random.NextUInt64() % 12);
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            builder.Append(Pieces[random.NextUInt64() % (ulong)Pieces.Length]);
        }

        return builder.ToString();
    }

    private static T[] Fill<T>(int count, T[] edges, Func<T> draw)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = i < edges.Length ? edges[i] : draw();
        }

        return values;
    }
}
