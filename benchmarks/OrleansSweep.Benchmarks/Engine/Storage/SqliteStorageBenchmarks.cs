using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Cells;
using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Benchmarks.Engine.Storage;

/// <summary>
/// What a cell grain asks of its storage: read its (missing) state on activation, then write its result once, for
/// 256 cells per operation, by 1 or 8 writers at once. The storage before this change (one transaction per write,
/// statements parsed per call) against the one with prepared statements and group commit, in one run.
/// </summary>
/// <remarks>
/// The file lives on the machine's disk (not tmpfs) in WAL mode with synchronous=NORMAL, as in the embedded default.
/// Each operation inserts 256 new rows, so the table grows over the run as it does over a sweep.
/// </remarks>
public class SqliteStorageBenchmarks
{
    private const int Cells = 256;
    private ServiceProvider? services;
    private IGrainStorage? storage;
    private string? folder;
    private long next;
    private CellRecord record = new();

    [Params("per-write", "group-commit")]
    public string Storage { get; set; } = "group-commit";

    [Params(1, 8)]
    public int Writers { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("bench-storage-").FullName;
        services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var options = new SqliteGrainStorageOptions { DatabasePath = Path.Combine(folder, "grains.db") };
        var serializer = services.GetRequiredService<Serializer>();
        storage = Storage == "per-write" ? new PerWriteSqliteGrainStorage(options, serializer) : new SqliteGrainStorage(options, serializer);
        record = new CellRecord
        {
            Result = new CellAnalyzed(Guid.NewGuid(), new string('a', 64), 0, "ok", null,
                new Dictionary<string, double?> { ["lyapunov_max"] = -0.5, ["lyapunov_max_sem"] = 0.01 },
                new Dictionary<string, string> { ["lyapunov_status"] = "converged" },
                new Dictionary<string, double[]>(), "embedded", 1e-4),
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        (storage as IDisposable)?.Dispose();
        services?.Dispose();
        Directory.Delete(folder!, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Cells)]
    public Task ReadMissingThenWriteOnce() => Run(Cells, Writers);

    /// <summary>Transactions the group-commit storage has committed (0 for the per-write one).</summary>
    internal long Transactions => (storage as SqliteGrainStorage)?.Transactions ?? 0;

    /// <summary><paramref name="cells"/> cells stored by <paramref name="writerCount"/> concurrent writers.</summary>
    internal async Task Run(int cells, int writerCount)
    {
        var writers = new Task[writerCount];
        for (var w = 0; w < writerCount; w++)
        {
            writers[w] = Writer(cells / writerCount);
        }

        await Task.WhenAll(writers);
    }

    private async Task Writer(int cells)
    {
        await Task.Yield(); // writers run concurrently on the pool, as grains on Orleans' scheduler
        for (var i = 0; i < cells; i++)
        {
            var grain = GrainId.Create("cell", Interlocked.Increment(ref next).ToString("x64", System.Globalization.CultureInfo.InvariantCulture));
            var state = new GrainState<CellRecord>();
            await storage!.ReadStateAsync("cell", grain, state);
            state.State = record;
            await storage.WriteStateAsync("cell", grain, state);
        }
    }
}
