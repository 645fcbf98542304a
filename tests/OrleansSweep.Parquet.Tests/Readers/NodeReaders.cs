using System.Text.Json;

namespace OrleansSweep.Parquet.Tests.Readers;

/// <summary>The two independent Parquet readers the writer is checked against.</summary>
public enum ReaderKind
{
    /// <summary>DuckDB's C++ reader, through npm @duckdb/node-api (read-duckdb.mjs).</summary>
    DuckDb,

    /// <summary>The pure JavaScript reader hyparquet (read-hyparquet.mjs).</summary>
    Hyparquet,
}

/// <summary>Runs readers/read-*.mjs on a file (one node process per file and reader), and readers/write-duckdb.mjs
/// to make files with DuckDB's writer.</summary>
public sealed class NodeReaders(string directory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<ReaderKind> All { get; } = [ReaderKind.DuckDb, ReaderKind.Hyparquet];

    public ReaderOutput Read(ReaderKind reader, string parquetPath)
    {
        var script = reader == ReaderKind.DuckDb ? "read-duckdb.mjs" : "read-hyparquet.mjs";
        var result = ProcessRunner.Run("node", [script, Path.GetFullPath(parquetPath)], directory, Timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{reader} could not read {parquetPath} (exit {result.ExitCode}):\n{result.StandardError}");
        }

        return JsonSerializer.Deserialize<ReaderOutput>(result.StandardOutput, ReaderOutput.JsonOptions)
            ?? throw new InvalidOperationException($"{reader} printed nothing for {parquetPath}.");
    }

    /// <summary>Writes the rows of a SQL SELECT as a Parquet file with DuckDB's writer (readers/write-duckdb.mjs).</summary>
    /// <param name="parquetPath">The file to write.</param>
    /// <param name="select">A DuckDB SELECT statement.</param>
    /// <param name="copyOptions">DuckDB COPY options without parentheses, e.g. "COMPRESSION snappy, ROW_GROUP_SIZE 1000".</param>
    public void WriteWithDuckDb(string parquetPath, string select, string copyOptions = "")
    {
        var result = ProcessRunner.Run("node", ["write-duckdb.mjs", Path.GetFullPath(parquetPath), select, copyOptions], directory, Timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"DuckDB could not write {parquetPath} (exit {result.ExitCode}):\n{result.StandardError}");
        }
    }

    /// <summary>Both readers, run side by side (the machine has two cores).</summary>
    public IReadOnlyList<ReaderOutput> ReadWithBoth(string parquetPath)
    {
        var tasks = All.Select(reader => Task.Run(() => Read(reader, parquetPath))).ToArray();
        return [.. Task.WhenAll(tasks).GetAwaiter().GetResult()];
    }
}
