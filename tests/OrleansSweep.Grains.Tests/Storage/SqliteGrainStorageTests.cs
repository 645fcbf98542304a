using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansSweep.Grains.Cells;
using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>Orleans' storage contract on the SQLite grain storage: missing state, ETags, conflicts, clear, durability.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId Grain = GrainId.Create("cell", "abc");
    private readonly string folder = Directory.CreateTempSubdirectory("grain-storage-").FullName;
    private readonly ServiceProvider services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public async Task Missing_state_reads_as_a_fresh_record_without_an_etag()
    {
        using var storage = Open();
        var state = new GrainState<CellRecord>();

        await storage.ReadStateAsync("cell", Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Null(state.State.Result);
    }

    [Fact]
    public async Task A_written_state_reads_back_from_a_reopened_file_with_its_etag()
    {
        var written = new GrainState<CellRecord>(new CellRecord { Result = SampleResult() });
        using (var storage = Open())
        {
            await storage.WriteStateAsync("cell", Grain, written);
        }

        using var reopened = Open();
        var read = new GrainState<CellRecord>();
        await reopened.ReadStateAsync("cell", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State!.Result!.Metrics, read.State!.Result!.Metrics);
        Assert.Equal(written.State.Result.Series["s"], read.State.Result.Series["s"]);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_a_conflict_and_changes_nothing()
    {
        using var storage = Open();
        var first = new GrainState<CellRecord>(new CellRecord());
        await storage.WriteStateAsync("cell", Grain, first);
        var stale = new GrainState<CellRecord>(new CellRecord { Result = SampleResult() }) { ETag = first.ETag };
        await storage.WriteStateAsync("cell", Grain, first); // moves the ETag on

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cell", Grain, stale));
        var insertOverExisting = new GrainState<CellRecord>(new CellRecord());
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cell", Grain, insertOverExisting));
        var read = new GrainState<CellRecord>();
        await storage.ReadStateAsync("cell", Grain, read);
        Assert.Null(read.State!.Result);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_checks_the_etag()
    {
        using var storage = Open();
        var state = new GrainState<CellRecord>(new CellRecord { Result = SampleResult() });
        await storage.WriteStateAsync("cell", Grain, state);
        var stale = new GrainState<CellRecord>(new CellRecord()) { ETag = "999" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("cell", Grain, stale));
        await storage.ClearStateAsync("cell", Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        var read = new GrainState<CellRecord>();
        await storage.ReadStateAsync("cell", Grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, storage.Count("cell"));
        await storage.WriteStateAsync("cell", Grain, state); // an insert again after a clear
        Assert.Equal(1, storage.Count("cell"));
    }

    [Fact]
    public async Task State_names_and_grain_ids_keep_records_apart()
    {
        using var storage = Open();
        await storage.WriteStateAsync("cell", Grain, new GrainState<CellRecord>(new CellRecord { Result = SampleResult() }));
        await storage.WriteStateAsync("other", Grain, new GrainState<CellRecord>(new CellRecord()));
        await storage.WriteStateAsync("cell", GrainId.Create("cell", "xyz"), new GrainState<CellRecord>(new CellRecord()));

        var read = new GrainState<CellRecord>();
        await storage.ReadStateAsync("other", Grain, read);

        Assert.Null(read.State!.Result);
        Assert.Equal(2, storage.Count("cell"));
    }

    [Fact]
    public async Task Concurrent_writes_are_all_stored_in_fewer_transactions_than_writes()
    {
        const int grains = 200;
        using var storage = Open();
        var states = Enumerable.Range(0, grains).Select(_ => new GrainState<CellRecord>(new CellRecord { Result = SampleResult() })).ToList();
        using var start = new ManualResetEventSlim();
        var writers = states.Select((state, i) => Task.Run(async () =>
        {
            start.Wait();
            await storage.WriteStateAsync("cell", GrainId.Create("cell", $"g{i}"), state);
        })).ToList();

        start.Set();
        await Task.WhenAll(writers);

        Assert.Equal(grains, storage.Count("cell"));
        Assert.All(states, s => Assert.Equal("1", s.ETag));
        Assert.InRange(storage.Transactions, 1, grains);
        using var reopened = Open();
        for (var i = 0; i < grains; i += 37)
        {
            var read = new GrainState<CellRecord>();
            await reopened.ReadStateAsync("cell", GrainId.Create("cell", $"g{i}"), read);
            Assert.Equal(states[i].State!.Result!.Metrics, read.State!.Result!.Metrics);
        }
    }

    [Fact]
    public async Task A_conflicting_write_among_concurrent_ones_fails_alone()
    {
        using var storage = Open();
        var existing = new GrainState<CellRecord>(new CellRecord());
        await storage.WriteStateAsync("cell", Grain, existing);
        var insertOverExisting = new GrainState<CellRecord>(new CellRecord { Result = SampleResult() });
        var others = Enumerable.Range(0, 20).Select(i => new GrainState<CellRecord>(new CellRecord { Result = SampleResult() })).ToList();

        var conflict = Task.Run(() => storage.WriteStateAsync("cell", Grain, insertOverExisting));
        var fine = others.Select((state, i) => Task.Run(() => storage.WriteStateAsync("cell", GrainId.Create("cell", $"o{i}"), state))).ToList();

        await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);
        await Task.WhenAll(fine);
        Assert.Null(insertOverExisting.ETag);
        Assert.Equal(21, storage.Count("cell"));
        var read = new GrainState<CellRecord>();
        await storage.ReadStateAsync("cell", Grain, read);
        Assert.Null(read.State!.Result);
    }

    public void Dispose()
    {
        services.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private SqliteGrainStorage Open() =>
        new(new SqliteGrainStorageOptions { DatabasePath = Path.Combine(folder, "sub", "grains.db") }, services.GetRequiredService<Serializer>());

    private static Contracts.CellAnalyzed SampleResult() => new(
        Guid.NewGuid(), "abc", 3, "ok", null,
        new Dictionary<string, double?> { ["lyapunov_max"] = -0.5, ["missing"] = null },
        new Dictionary<string, string> { ["lyapunov_status"] = "converged" },
        new Dictionary<string, double[]> { ["s"] = [1.0, -2.5] }, "test", 0.25);
}
