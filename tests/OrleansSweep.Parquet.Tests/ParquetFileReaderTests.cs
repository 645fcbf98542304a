using OrleansSweep.Parquet.Tests.Support;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests;

/// <summary>Files written by <see cref="ParquetFileWriter"/> read back exactly: every type, null, extreme value,
/// row group and page, with both codecs.</summary>
public sealed class ParquetFileReaderTests : IDisposable
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Every_type_with_nulls_and_extreme_values_round_trips_bit_for_bit(ParquetCompression compression)
    {
        var random = new RandomStream(5);
        const int Rows = 60;
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

        DataAssert.Matches(expected, WriteAndRead(expected, new ParquetWriteOptions(compression)));
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy, 20_000, 9_000)] // 3 row groups; pages of 8192 rows inside each
    [InlineData(ParquetCompression.Uncompressed, 16_385, 100_000)] // one row group of 3 pages, the last of one row
    [InlineData(ParquetCompression.Snappy, 9, 1)] // one row per row group
    public void Row_groups_and_pages_are_joined_back_in_order(ParquetCompression compression, int rows, int rowGroupSize)
    {
        var random = new RandomStream((ulong)rows * 7 + (ulong)rowGroupSize);
        var expected = new ExpectedTable(rows)
            .Int64("cell", Enumerable.Range(0, rows).Select(i => (long)i).ToArray())
            .Int32("seed", SampleData.Int32s(random, rows))
            .Double("lambda_max", SampleData.WithNulls(random, SampleData.Doubles(random, rows), 0.2))
            .Boolean("converged", SampleData.WithNulls(random, SampleData.Booleans(random, rows), 0.5))
            .Utf8("status", SampleData.WithNulls(random, SampleData.Strings(random, rows), 0.1), nullable: true);

        var data = WriteAndRead(expected, new ParquetWriteOptions(compression, rowGroupSize));

        DataAssert.Matches(expected, data);
        Assert.Equal((rows + rowGroupSize - 1) / rowGroupSize, data.Info.RowGroups.Count);
    }

    [Fact]
    public void Nulls_at_page_edges_and_all_null_columns_round_trip()
    {
        // 8193 rows: the second page holds one row, so page boundaries fall inside runs of nulls and values.
        const int Rows = 8193;
        var expected = new ExpectedTable(Rows)
            .Int32("edges", Enumerable.Range(0, Rows).Select(i => i is < 3 or > 8189 || i % 8192 == 0 ? (int?)null : i).ToArray())
            .Int64("all_null_int64", new long?[Rows])
            .Double("all_null_double", new double?[Rows])
            .Boolean("all_null_boolean", new bool?[Rows])
            .Utf8("all_null_utf8", new string?[Rows], nullable: true)
            .Utf8("alternating", Enumerable.Range(0, Rows).Select(i => i % 2 == 0 ? null : $"v{i}").ToArray(), nullable: true);

        foreach (var compression in new[] { ParquetCompression.Snappy, ParquetCompression.Uncompressed })
        {
            DataAssert.Matches(expected, WriteAndRead(expected, new ParquetWriteOptions(compression)));
        }
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Empty_table_reads_as_empty_arrays_of_each_type(ParquetCompression compression)
    {
        var expected = new ExpectedTable(0)
            .Int32("int32", Array.Empty<int>())
            .Int64("int64", Array.Empty<long?>())
            .Double("double", Array.Empty<double>())
            .Boolean("boolean", Array.Empty<bool?>())
            .Utf8("utf8", [], nullable: false);

        var data = WriteAndRead(expected, new ParquetWriteOptions(compression));

        DataAssert.Matches(expected, data);
        Assert.Empty(data.Info.RowGroups);
    }

    [Fact]
    public void Required_columns_come_back_as_nullable_arrays_without_nulls()
    {
        var expected = new ExpectedTable(3)
            .Int32("i", [1, 2, 3])
            .Int64("l", [4L, 5, 6])
            .Double("d", [0.5, -0.0, double.NaN])
            .Boolean("b", [true, false, true])
            .Utf8("s", ["x", "", "z"], nullable: false);

        var data = WriteAndRead(expected, new ParquetWriteOptions());

        Assert.All(data.Info.Columns, column => Assert.False(column.Nullable));
        Assert.All(data.Columns, array => Assert.DoesNotContain(null, array.Cast<object?>()));
        DataAssert.Matches(expected, data);
    }

    [Fact]
    public void Info_agrees_with_the_inspector()
    {
        var random = new RandomStream(31);
        var expected = new ExpectedTable(250)
            .Double("x", SampleData.Doubles(random, 250))
            .Utf8("s", SampleData.WithNulls(random, SampleData.Strings(random, 250), 0.5), nullable: true);
        var metadata = new Dictionary<string, string> { ["orleanssweep.spec"] = "{\"gH\":[1,2]}", ["ü"] = "日本" };
        var path = folder.File("info.parquet");
        ParquetFileWriter.Write(path, expected.Table, metadata, new ParquetWriteOptions(RowGroupSize: 100, CreatedBy: "reader-test"));

        var info = ParquetFileReader.Read(path).Info;
        var inspected = ParquetFileInspector.Read(path);

        Assert.Equal(inspected.Columns, info.Columns);
        Assert.Equal(inspected.RowCount, info.RowCount);
        Assert.Equal(inspected.RowGroups.SelectMany(g => g.Columns), info.RowGroups.SelectMany(g => g.Columns));
        Assert.Equal(metadata.OrderBy(p => p.Key, StringComparer.Ordinal), info.KeyValueMetadata.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("reader-test", info.CreatedBy);
        Assert.Equal(new FileInfo(path).Length, info.FileLength);
    }

    [Fact]
    public void A_cancelled_read_throws_OperationCanceledException()
    {
        var expected = new ExpectedTable(2).Int32("x", [1, 2]);
        var path = folder.File("cancel.parquet");
        ParquetFileWriter.Write(path, expected.Table, NoMetadata);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ParquetFileReader.Read(path, cancellation.Token));
    }

    [Fact]
    public void A_missing_file_is_FileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => ParquetFileReader.Read(folder.File("missing.parquet")));
    }

    private ParquetData WriteAndRead(ExpectedTable expected, ParquetWriteOptions options)
    {
        var path = folder.File($"{Guid.NewGuid():N}.parquet");
        ParquetFileWriter.Write(path, expected.Table, NoMetadata, options);
        return ParquetFileReader.Read(path);
    }
}
