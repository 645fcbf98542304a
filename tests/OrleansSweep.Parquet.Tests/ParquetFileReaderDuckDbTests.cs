using System.Globalization;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Tests.Readers;
using OrleansSweep.Parquet.Tests.Support;

namespace OrleansSweep.Parquet.Tests;

/// <summary>Files written by DuckDB's own Parquet writer (dictionary pages, its page and row group layout) read
/// the same as DuckDB reads them; what is not supported fails by name.</summary>
public sealed class ParquetFileReaderDuckDbTests(ParquetReadersFixture fixture) : IClassFixture<ParquetReadersFixture>, IDisposable
{
    private const int Rows = 30_000;

    // Low-cardinality columns DuckDB dictionary-encodes; high-cardinality ones it writes PLAIN (in format v1).
    private const string MixedSelect = """
        SELECT
          i::BIGINT AS id,
          (i % 5)::INTEGER AS small_int,
          CASE WHEN i % 3 = 0 THEN NULL ELSE (i * 7919) % 1000003 - 500000 END::INTEGER AS int_nulls,
          CASE WHEN i % 4 = 0 THEN NULL ELSE (i % 3) - 1 END::BIGINT AS small_long_nulls,
          (i * 2654435761 - 9223372036854775807)::BIGINT AS big_long,
          CASE i % 7 WHEN 0 THEN 'nan'::DOUBLE WHEN 1 THEN 'inf'::DOUBLE WHEN 2 THEN '-inf'::DOUBLE WHEN 3 THEN NULL
            WHEN 4 THEN '-0.0'::DOUBLE ELSE (i % 11) / 4 END AS special_double,
          i / 7 AS fraction,
          CASE WHEN i % 5 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
          i % 2 = 0 AS even,
          CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN '日本語' WHEN 2 THEN '😀 emoji' WHEN 3 THEN '' ELSE 'k' || (i % 13) END AS label,
          'row-' || i || '-é' AS name
        FROM range(30000) t(i)
        """;

    // Format v2 writes DELTA encodings for high-cardinality columns, which are not supported: keep to dictionaries.
    private const string DictionarySelect = """
        SELECT
          (i % 5)::INTEGER AS small_int,
          CASE WHEN i % 4 = 0 THEN NULL ELSE (i % 3) - 1 END::BIGINT AS small_long_nulls,
          CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN 'nan'::DOUBLE ELSE 0.25 END AS double_nulls,
          CASE WHEN i % 5 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
          CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN '日本語' ELSE 'k' || (i % 13) END AS label
        FROM range(30000) t(i)
        """;

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("COMPRESSION snappy, ROW_GROUP_SIZE 10000")]
    [InlineData("COMPRESSION uncompressed, ROW_GROUP_SIZE 10000")]
    public void Plain_and_dictionary_pages_read_as_DuckDB_reads_them(string options)
    {
        var path = folder.File("mixed.parquet");
        fixture.Readers.WriteWithDuckDb(path, MixedSelect, options);

        var data = ParquetFileReader.Read(path);

        AssertSameAsDuckDb(path, data);
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => (long?)i), (long?[])data.Columns[0]);
        Assert.Equal(3, data.Info.RowGroups.Count);
        var census = PageCensus.Of(path);
        Assert.True(census.Count(PageType.DictionaryPage) > 0, "DuckDB wrote no dictionary page");
        Assert.Contains(PageEncoding.PlainDictionary, census.DataEncodings);
        Assert.Contains(PageEncoding.Plain, census.DataEncodings);
    }

    [Fact]
    public void Format_v2_RLE_dictionary_pages_read_as_DuckDB_reads_them()
    {
        // DuckDB 1.5 still writes data pages v1 here (DATA_PAGE_V2 is covered by ColumnChunkReaderTests), but
        // switches the indices' encoding from PLAIN_DICTIONARY to RLE_DICTIONARY.
        var path = folder.File("v2.parquet");
        fixture.Readers.WriteWithDuckDb(path, DictionarySelect, "COMPRESSION snappy, PARQUET_VERSION V2, ROW_GROUP_SIZE 10000");

        var data = ParquetFileReader.Read(path);

        AssertSameAsDuckDb(path, data);
        Assert.Contains(PageEncoding.RleDictionary, PageCensus.Of(path).DataEncodings);
    }

    [Theory]
    [InlineData("SELECT [1, 2] AS xs", "", "Nested columns are not supported")]
    [InlineData("SELECT {'a': 1} AS s", "", "Nested columns are not supported")]
    [InlineData("SELECT 1::UINTEGER AS u", "", "UINT_32")]
    [InlineData("SELECT DATE '2024-01-02' AS d", "", "DATE")]
    [InlineData("SELECT TIMESTAMP '2024-01-02 03:04:05' AS t", "", "TIMESTAMP")]
    [InlineData("SELECT 1.5::FLOAT AS f", "", "FLOAT")]
    [InlineData("SELECT 1.25::DECIMAL(9, 2) AS m", "", "DECIMAL")]
    [InlineData("SELECT 'x'::BLOB AS b", "", "binary")]
    [InlineData("SELECT i FROM range(100) t(i)", "COMPRESSION zstd", "ZSTD")]
    [InlineData("SELECT i * 3 AS i FROM range(5000) t(i)", "PARQUET_VERSION V2", "DELTA_BINARY_PACKED")]
    public void Unsupported_features_fail_by_name(string select, string options, string named)
    {
        var path = folder.File("unsupported.parquet");
        fixture.Readers.WriteWithDuckDb(path, select, options);

        var exception = Assert.Throws<InvalidDataException>(() => ParquetFileReader.Read(path));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_result_reads_as_empty_columns()
    {
        var path = folder.File("empty.parquet");
        fixture.Readers.WriteWithDuckDb(path, "SELECT 1::INTEGER AS i, 'a' AS s, 0.5 :: DOUBLE AS d FROM range(10) WHERE false");

        var data = ParquetFileReader.Read(path);

        Assert.Equal(0, data.Info.RowCount);
        Assert.Equal([typeof(int?[]), typeof(string?[]), typeof(double?[])], data.Columns.Select(c => c.GetType()));
        Assert.All(data.Columns, column => Assert.Empty(column));
    }

    [Fact]
    public void Signed_integer_annotations_read_as_plain_integers()
    {
        var path = folder.File("small.parquet");
        fixture.Readers.WriteWithDuckDb(path, "SELECT (-5)::TINYINT AS t, 300::SMALLINT AS s, (-7)::INTEGER AS i, 8::BIGINT AS l");

        var data = ParquetFileReader.Read(path);

        Assert.Equal([ParquetType.Int32, ParquetType.Int32, ParquetType.Int32, ParquetType.Int64], data.Info.Columns.Select(c => c.Type));
        Assert.Equal(new long[] { -5, 300, -7, 8 }, data.Columns.Select(column => Convert.ToInt64(column.GetValue(0), CultureInfo.InvariantCulture)));
    }

    private void AssertSameAsDuckDb(string path, ParquetData data)
    {
        var duck = fixture.Readers.Read(ReaderKind.DuckDb, path);
        Assert.Equal(duck.Columns.Select(c => c.Name), data.Info.Columns.Select(c => c.Name));
        Assert.Equal(duck.RowCount, data.Info.RowCount);
        for (var c = 0; c < data.Columns.Count; c++)
        {
            var column = data.Info.Columns[c];
            var array = data.Columns[c];
            Assert.Equal(DataAssert.ArrayType(column.Type), array.GetType());
            Assert.Equal(duck.Data[c].Count, array.Length);
            for (var row = 0; row < array.Length; row++)
            {
                var expected = ReaderValues.Parse(column.Type, duck.Data[c][row]);
                var actual = array.GetValue(row);
                if (!ReaderValues.Same(expected, actual))
                {
                    Assert.Fail($"column '{column.Name}', row {row}: DuckDB read {ReaderValues.Show(expected)}, this reader {ReaderValues.Show(actual)}");
                }
            }
        }
    }
}
