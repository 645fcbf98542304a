using OrleansSweep.Parquet.Tests.Readers;
using OrleansSweep.Parquet.Tests.Support;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests;

/// <summary>Files written here are read back by DuckDB and hyparquet, and every value, null and type compared.</summary>
public sealed class ParquetFileWriterTests(ParquetReadersFixture fixture) : IClassFixture<ParquetReadersFixture>, IDisposable
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Every_type_and_extreme_value_round_trips_through_both_readers(ParquetCompression compression)
    {
        var random = new RandomStream(11);
        const int Rows = 40;
        var expected = new ExpectedTable(Rows)
            .Int32("int32", SampleData.Int32s(random, Rows))
            .Int32("int32_nullable", SampleData.WithNulls(random, SampleData.Int32s(random, Rows), 0.3))
            .Int64("int64", SampleData.Int64s(random, Rows))
            .Int64("int64_nullable", SampleData.WithNulls(random, SampleData.Int64s(random, Rows), 0.3))
            .Double("double", SampleData.Doubles(random, Rows))
            .Double("double_nullable", SampleData.WithNulls(random, SampleData.Doubles(random, Rows), 0.3))
            .Boolean("boolean", SampleData.Booleans(random, Rows))
            .Boolean("boolean_nullable", SampleData.WithNulls(random, SampleData.Booleans(random, Rows), 0.3))
            .Utf8("utf8", SampleData.Strings(random, Rows), nullable: false)
            .Utf8("utf8_nullable", SampleData.WithNulls(random, SampleData.Strings(random, Rows), 0.3), nullable: true);

        var outputs = WriteAndRead(expected, new ParquetWriteOptions(compression));

        foreach (var output in outputs)
        {
            ReaderAssert.SchemaMatches(expected, output);
            ReaderAssert.ValuesMatch(expected, output);
        }
    }

    [Fact]
    public void Nulls_at_the_edges_and_all_null_columns_round_trip()
    {
        const int Rows = 20;
        int?[] edges = [null, null, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, null, null];
        var expected = new ExpectedTable(Rows)
            .Int32("edges", edges)
            .Int64("all_null_int64", new long?[Rows])
            .Double("all_null_double", new double?[Rows])
            .Boolean("all_null_boolean", new bool?[Rows])
            .Utf8("all_null_utf8", new string?[Rows], nullable: true)
            .Utf8("alternating", Enumerable.Range(0, Rows).Select(i => i % 2 == 0 ? null : $"v{i}").ToArray(), nullable: true)
            .Double("no_nulls_but_nullable", Enumerable.Range(0, Rows).Select(i => (double?)i).ToArray());

        foreach (var output in WriteAndRead(expected, new ParquetWriteOptions()))
        {
            ReaderAssert.SchemaMatches(expected, output);
            ReaderAssert.ValuesMatch(expected, output);
        }
    }

    [Fact]
    public void Hundred_thousand_rows_span_several_row_groups_and_pages()
    {
        var random = new RandomStream(2024);
        const int Rows = 100_000;
        const int RowGroupSize = 30_000; // 4 row groups (the last of 10,000 rows), 4 pages per full chunk
        var expected = new ExpectedTable(Rows)
            .Int64("cell", Enumerable.Range(0, Rows).Select(i => (long)i).ToArray())
            .Int32("seed", SampleData.WithNulls(random, SampleData.Int32s(random, Rows), 0.1))
            .Double("lambda_max", SampleData.WithNulls(random, SampleData.Doubles(random, Rows), 0.05))
            .Boolean("converged", SampleData.Booleans(random, Rows))
            .Utf8("status", SampleData.WithNulls(random, SampleData.Strings(random, Rows), 0.2), nullable: true);
        var options = new ParquetWriteOptions(RowGroupSize: RowGroupSize);

        foreach (var output in WriteAndRead(expected, options))
        {
            ReaderAssert.ValuesMatch(expected, output);
            ReaderAssert.StatisticsMatch(expected, RowGroupSize, "SNAPPY", output);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(20, 7)]
    [InlineData(8193, 8192)]
    [InlineData(16385, 100_000)]
    public void Row_groups_hold_RowGroupSize_rows_with_the_remainder_last(int rows, int rowGroupSize)
    {
        var random = new RandomStream((ulong)(rows * 31 + rowGroupSize));
        var expected = new ExpectedTable(rows)
            .Int32("i", SampleData.WithNulls(random, SampleData.Int32s(random, rows), 0.5))
            .Utf8("s", SampleData.Strings(random, rows), nullable: false);

        foreach (var output in WriteAndRead(expected, new ParquetWriteOptions(ParquetCompression.Uncompressed, rowGroupSize)))
        {
            ReaderAssert.ValuesMatch(expected, output);
            ReaderAssert.StatisticsMatch(expected, rowGroupSize, "UNCOMPRESSED", output);
        }
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Empty_table_is_a_valid_file_for_both_readers(ParquetCompression compression)
    {
        var expected = new ExpectedTable(0)
            .Int32("int32", Array.Empty<int>())
            .Int64("int64", Array.Empty<long?>())
            .Double("double", Array.Empty<double>())
            .Boolean("boolean", Array.Empty<bool?>())
            .Utf8("utf8", [], nullable: true);
        var metadata = new Dictionary<string, string> { ["sweep"] = "empty" };

        foreach (var output in WriteAndRead(expected, new ParquetWriteOptions(compression), metadata))
        {
            ReaderAssert.SchemaMatches(expected, output);
            ReaderAssert.ValuesMatch(expected, output);
            ReaderAssert.KeyValuesMatch(metadata, output);
            Assert.Empty(output.Chunks);
        }
    }

    [Fact]
    public void Key_value_metadata_reaches_both_readers()
    {
        var metadata = new Dictionary<string, string>
        {
            ["orleanssweep.spec"] = """{"model":"rnn","grid":{"gH":[0.5,1.0,1.5]},"note":"日本 😀"}""",
            ["orleanssweep.version"] = "0.1.0",
            ["empty"] = string.Empty,
            [" padded key "] = "  value with surrounding space \n",
            ["clé ünicode 😀"] = "välue\nwith newline",
            ["large"] = new string('y', 100_000),
        };
        var expected = new ExpectedTable(3).Int32("x", [1, 2, 3]);

        foreach (var output in WriteAndRead(expected, new ParquetWriteOptions(), metadata))
        {
            ReaderAssert.KeyValuesMatch(metadata, output);
            ReaderAssert.ValuesMatch(expected, output);
        }
    }

    [Fact]
    public void Created_by_names_the_writer_or_the_callers_choice()
    {
        var expected = new ExpectedTable(1).Boolean("b", [true]);
        foreach (var output in WriteAndRead(expected, new ParquetWriteOptions()))
        {
            Assert.StartsWith("OrleansSweep version ", output.CreatedBy, StringComparison.Ordinal);
        }

        foreach (var output in WriteAndRead(expected, new ParquetWriteOptions(CreatedBy: "sweep-test version 9.9")))
        {
            Assert.Equal("sweep-test version 9.9", output.CreatedBy);
        }
    }

    [Fact]
    public void A_table_without_columns_is_rejected()
    {
        var path = folder.File("none.parquet");
        Assert.Throws<ArgumentException>(() => ParquetFileWriter.Write(path, new ParquetTable(0), NoMetadata));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_non_positive_row_group_size_is_rejected(int rowGroupSize)
    {
        var table = new ParquetTable(1).AddInt32("x", [1]);
        Assert.Throws<ArgumentException>(() =>
            ParquetFileWriter.Write(folder.File("x.parquet"), table, NoMetadata, new ParquetWriteOptions(RowGroupSize: rowGroupSize)));
    }

    private IReadOnlyList<ReaderOutput> WriteAndRead(
        ExpectedTable expected, ParquetWriteOptions options, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var path = folder.File($"{Guid.NewGuid():N}.parquet");
        ParquetFileWriter.Write(path, expected.Table, metadata ?? NoMetadata, options);
        return fixture.Readers.ReadWithBoth(path);
    }
}
