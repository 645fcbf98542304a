using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Output.ParquetFiles;

namespace OrleansSweep.Sweeps.Tests.Output.ParquetFiles;

public sealed class ParquetTableWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parquet-writer-").FullName;

    [Fact]
    public async Task A_table_larger_than_a_row_group_is_split_and_each_group_has_its_own_statistics()
    {
        var rows = ParquetTableWriter.RowGroupSize + 1234;
        var random = new Random(7);
        PhaseMapColumn[] columns =
        [
            new("i", ColumnType.Int32, false, Enumerable.Range(0, rows).Select(i => (int?)(i - 1000)).ToArray()),
            new("x", ColumnType.Double, true, Enumerable.Range(0, rows).Select(i => i % 11 == 0 ? null : (double?)(random.NextDouble() - 0.5)).ToArray()),
            new("s", ColumnType.Utf8, true, Enumerable.Range(0, rows).Select(i => i % 13 == 0 ? null : $"id-{i % 977:D4}").ToArray()),
        ];
        var path = Path.Combine(folder, "big.parquet");
        var metadata = new Dictionary<string, string> { ["k"] = "v", ["orleanssweep.spec"] = "{\"name\":\"λ\"}" };

        await ParquetTableWriter.WriteAsync(path, columns, rows, metadata);

        DuckDbAssert.FileHolds(path, columns, rows, metadata, ParquetTableWriter.RowGroupSize);
        var file = DuckDb.Literal(path);
        Assert.Equal(columns[1].Values.Cast<double?>().Count(v => v > 0.25), DuckDb.Count($"select count(*) from read_parquet({file}) where x > 0.25"));
        Assert.Equal(columns[2].Values.Cast<string?>().Count(v => v == "id-0042"), DuckDb.Count($"select count(*) from read_parquet({file}) where s = 'id-0042'"));
        Assert.Equal(1000, DuckDb.Count($"select count(*) from read_parquet({file}) where i < 0"));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_the_previous_file_and_no_temporary_file()
    {
        var path = Path.Combine(folder, "map.parquet");
        PhaseMapColumn[] first = [new("a", ColumnType.Int32, false, new int?[] { 1, 2, 3 })];
        await ParquetTableWriter.WriteAsync(path, first, 3, new Dictionary<string, string>());
        var before = await File.ReadAllBytesAsync(path);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ParquetTableWriter.WriteAsync(path, [new("b", ColumnType.Double, false, new double?[] { 1, 2 })], 2, new Dictionary<string, string>(), cancelled.Token));

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public async Task A_null_in_a_required_column_is_refused_before_anything_is_written()
    {
        var path = Path.Combine(folder, "bad.parquet");

        await Assert.ThrowsAsync<ArgumentException>(
            () => ParquetTableWriter.WriteAsync(path, [new("a", ColumnType.Double, false, new double?[] { 1, null })], 2, new Dictionary<string, string>()));

        Assert.Empty(Directory.GetFiles(folder));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
