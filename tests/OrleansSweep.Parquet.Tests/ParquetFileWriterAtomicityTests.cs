using OrleansSweep.Parquet.Tests.Readers;
using OrleansSweep.Parquet.Tests.Support;

namespace OrleansSweep.Parquet.Tests;

/// <summary>The write goes to a temporary file in the same folder and is renamed over the target at the end.</summary>
public sealed class ParquetFileWriterAtomicityTests(ParquetReadersFixture fixture) : IClassFixture<ParquetReadersFixture>, IDisposable
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_write_leaves_only_the_target_file_behind()
    {
        var path = folder.File("result.parquet");
        ParquetFileWriter.Write(path, new ParquetTable(2).AddInt32("x", [1, 2]), NoMetadata);

        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void An_existing_file_is_replaced_whole()
    {
        var path = folder.File("result.parquet");
        var big = Enumerable.Range(0, 50_000).Select(i => $"row {i}").ToArray();
        ParquetFileWriter.Write(path, new ParquetTable(big.Length).AddUtf8("s", big, nullable: false), NoMetadata);
        var bigLength = new FileInfo(path).Length;

        var expected = new ExpectedTable(2).Utf8("s", ["new", "file"], nullable: false);
        ParquetFileWriter.Write(path, expected.Table, new Dictionary<string, string> { ["generation"] = "2" });

        Assert.True(new FileInfo(path).Length < bigLength / 10);
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
        foreach (var output in fixture.Readers.ReadWithBoth(path))
        {
            ReaderAssert.ValuesMatch(expected, output);
            ReaderAssert.KeyValuesMatch(new Dictionary<string, string> { ["generation"] = "2" }, output);
        }
    }

    [Fact]
    public void A_cancelled_write_keeps_the_previous_file_and_leaves_no_temporary_file()
    {
        var path = folder.File("result.parquet");
        ParquetFileWriter.Write(path, new ParquetTable(1).AddInt32("x", [42]), NoMetadata);
        var before = File.ReadAllBytes(path);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ParquetFileWriter.Write(path, new ParquetTable(1).AddInt32("x", [7]), NoMetadata, null, cancelled.Token));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_missing_folder_fails_without_creating_anything()
    {
        var path = Path.Combine(folder.Path, "missing", "result.parquet");

        Assert.Throws<DirectoryNotFoundException>(() =>
            ParquetFileWriter.Write(path, new ParquetTable(1).AddInt32("x", [1]), NoMetadata));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
