using System.Diagnostics;
using System.Text.Json;

namespace OrleansSweep.Client.Tests.Support;

/// <summary>
/// A Parquet file as DuckDB (an independent reader, from npm) sees it: column names, values as JSON text, and the
/// key-value metadata. Uses the readers installed by <c>tests/run.sh</c> for the Parquet tests.
/// </summary>
internal sealed record DuckDbTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> ColumnValues, IReadOnlyDictionary<string, string> Metadata)
{
    private static readonly string Readers = Path.Combine(Repository.Root, "tests", "OrleansSweep.Parquet.Tests", "readers");

    public long Rows => ColumnValues.Count == 0 ? 0 : ColumnValues[0].Count;

    public IReadOnlyList<string> Column(string name) => ColumnValues[Columns.ToList().IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name)];

    public static async Task<DuckDbTable> ReadAsync(string path)
    {
        if (!Directory.Exists(Path.Combine(Readers, "node_modules")))
        {
            throw new InvalidOperationException($"The npm Parquet readers are not installed in {Readers}: run `bash tests/run.sh` (it runs npm ci there).");
        }

        var info = new ProcessStartInfo("node", [Path.Combine(Readers, "read-duckdb.mjs"), path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        using var document = JsonDocument.Parse(await output);
        var root = document.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        var data = root.GetProperty("data").EnumerateArray()
            .Select(column => (IReadOnlyList<string>)column.EnumerateArray().Select(v => v.GetRawText()).ToList()).ToList();
        var metadata = root.GetProperty("keyValueMetadata").EnumerateArray()
            .ToDictionary(kv => kv.GetProperty("key").GetString()!, kv => kv.GetProperty("value").GetString()!);
        return new DuckDbTable(columns, data, metadata);
    }
}
