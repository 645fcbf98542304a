using OrleansSweep.Parquet.Tests.Readers;
using OrleansSweep.Parquet.Tests.Support;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests;

/// <summary>Column-chunk statistics as DuckDB (parquet_metadata) and hyparquet decode them, against values worked out
/// in the test from the data.</summary>
public sealed class ParquetStatisticsTests(ParquetReadersFixture fixture) : IClassFixture<ParquetReadersFixture>, IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(1UL, 500, 128)]
    [InlineData(2UL, 3000, 1000)]
    [InlineData(3UL, 257, 257)]
    public void Chunk_statistics_match_the_data_in_every_row_group(ulong seed, int rows, int rowGroupSize)
    {
        var random = new RandomStream(seed);
        var expected = new ExpectedTable(rows)
            .Int32("int32", SampleData.WithNulls(random, SampleData.Int32s(random, rows), 0.2))
            .Int64("int64", SampleData.Int64s(random, rows))
            .Double("double", SampleData.WithNulls(random, SampleData.Doubles(random, rows), 0.2))
            .Boolean("boolean", SampleData.WithNulls(random, SampleData.Booleans(random, rows), 0.2))
            .Utf8("utf8", SampleData.WithNulls(random, SampleData.Strings(random, rows), 0.2), nullable: true);

        foreach (var output in WriteAndRead(expected, rowGroupSize))
        {
            ReaderAssert.StatisticsMatch(expected, rowGroupSize, "SNAPPY", output);
        }
    }

    [Fact]
    public void Double_bounds_leave_out_NaN_and_widen_zeros_to_both_signs()
    {
        // One row group per case: [NaN, 2, -3] → [-3, 2]; [0.0, 1] → min -0.0; [-1, -0.0] → max +0.0;
        // [-∞, 5] and [1, +∞] keep the infinities; [ε, MaxValue] are kept exactly.
        double[] values = [double.NaN, 2, -3, 0.0, 1, double.NaN, -1, -0.0, double.NaN, double.NegativeInfinity, 5, double.NaN,
            1, double.PositiveInfinity, double.NaN, double.Epsilon, double.MaxValue, double.NaN];
        var expected = new ExpectedTable(values.Length).Double("x", values);

        foreach (var output in WriteAndRead(expected, rowGroupSize: 3))
        {
            ReaderAssert.StatisticsMatch(expected, 3, "SNAPPY", output);
        }

        // The expectations above come from ExpectedChunkStatistics; pin the rule itself on two groups as well.
        Assert.Equal(-0.0, ExpectedChunkStatistics.Of(ParquetType.Double, [0.0, 1.0, double.NaN]).Min);
        Assert.True(double.IsNegative((double)ExpectedChunkStatistics.Of(ParquetType.Double, [0.0, 1.0, double.NaN]).Min!));
        Assert.False(double.IsNegative((double)ExpectedChunkStatistics.Of(ParquetType.Double, [-1.0, -0.0]).Max!));
    }

    [Fact]
    public void All_null_and_all_NaN_chunks_have_a_null_count_but_no_bounds()
    {
        var expected = new ExpectedTable(4)
            .Double("all_nan", [double.NaN, double.NaN, double.NaN, double.NaN])
            .Double("all_null", new double?[4])
            .Utf8("all_null_text", new string?[4], nullable: true)
            .Boolean("all_null_flag", new bool?[4]);

        foreach (var output in WriteAndRead(expected, rowGroupSize: 4))
        {
            ReaderAssert.StatisticsMatch(expected, 4, "SNAPPY", output);
            Assert.All(output.Chunks, chunk => Assert.Equal(System.Text.Json.JsonValueKind.Null, chunk["stats_min_value"].ValueKind));
        }
    }

    [Fact]
    public void String_bounds_follow_UTF8_byte_order_not_UTF16_order()
    {
        // UTF-16 ordinal order: "😀" (D83D DE00) < "\uE000" < "\uFFFD", so it would give min 😀 and max U+FFFD.
        // UTF-8 byte order: EE 80 80 < EF BF BD < F0 9F 98 80, so min is U+E000 and max is 😀.
        var expected = new ExpectedTable(3).Utf8("s", ["😀", "\uFFFD", "\uE000"], nullable: false);
        Assert.True(string.CompareOrdinal("😀", "\uE000") < 0);

        foreach (var output in WriteAndRead(expected, rowGroupSize: 3))
        {
            ReaderAssert.StatisticsMatch(expected, 3, "SNAPPY", output);
            Assert.Equal("\uE000", output.Chunks[0]["stats_min_value"].GetString());
            Assert.Equal("😀", output.Chunks[0]["stats_max_value"].GetString());
        }
    }

    [Fact]
    public void String_bounds_longer_than_64_bytes_are_left_out()
    {
        var expected = new ExpectedTable(6)
            .Utf8("short", ["b", "a", "c", "a", "b", "c"], nullable: false)
            .Utf8("long", ["short", new string('z', 65), "a", "b", "c", "d"], nullable: false)
            .Utf8("exactly64", [new string('é', 32), "a", "b", "c", "d", "e"], nullable: false);

        foreach (var output in WriteAndRead(expected, rowGroupSize: 6))
        {
            ReaderAssert.StatisticsMatch(expected, 6, "SNAPPY", output);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, output.Chunks[1]["stats_max_value"].ValueKind);
            Assert.Equal(new string('é', 32), output.Chunks[2]["stats_max_value"].GetString());
        }
    }

    private IReadOnlyList<ReaderOutput> WriteAndRead(ExpectedTable expected, int rowGroupSize)
    {
        var path = folder.File($"{Guid.NewGuid():N}.parquet");
        ParquetFileWriter.Write(path, expected.Table, new Dictionary<string, string>(), new ParquetWriteOptions(RowGroupSize: rowGroupSize));
        return fixture.Readers.ReadWithBoth(path);
    }
}
