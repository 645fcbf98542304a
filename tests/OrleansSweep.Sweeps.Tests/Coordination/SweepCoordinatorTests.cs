using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Sweeps.Tests.Coordination;

public sealed class SweepCoordinatorTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string folder = Directory.CreateTempSubdirectory("coordinator-").FullName;

    private string StorePath => Path.Combine(folder, "results.db");

    [Fact]
    public async Task Completes_once_every_cell_is_recorded_and_finishes_exactly_once()
    {
        var plan = FakeCells.Plan(20, folder);
        var dispatcher = new RecordingDispatcher();
        var finisher = new CountingFinisher();
        using var store = SweepStore.Open(StorePath);
        await using var coordinator = new SweepCoordinator(store, dispatcher, finisher);

        await coordinator.StartAsync(plan, failFast: false, CancellationToken.None);
        Assert.Equal(20, dispatcher.Dispatched.Count);
        // At-least-once delivery: every result arrives twice, concurrently.
        await Task.WhenAll(dispatcher.Dispatched.Concat(dispatcher.Dispatched)
            .Select(c => coordinator.AcceptAsync(FakeCells.Result(c), CancellationToken.None)));

        var outcome = await coordinator.Completion(plan.SweepId).WaitAsync(Patience);
        Assert.True(outcome.Completed);
        Assert.Equal(1, finisher.Calls);
        Assert.Equal(20, finisher.LastResults.Count);
        Assert.Equal(20, coordinator.CellsRecorded);
        Assert.Equal(20, coordinator.DuplicatesDropped);
    }

    [Fact]
    public async Task A_restarted_coordinator_dispatches_only_the_missing_cells()
    {
        var plan = FakeCells.Plan(10, folder);
        using (var store = SweepStore.Open(StorePath))
        {
            await using var first = new SweepCoordinator(store, new RecordingDispatcher(), new CountingFinisher());
            await first.StartAsync(plan, failFast: false, CancellationToken.None);
            foreach (var cell in plan.Cells.Take(6))
            {
                await first.AcceptAsync(FakeCells.Result(cell.Command), CancellationToken.None);
            }
        }

        using var reopened = SweepStore.Open(StorePath);
        var dispatcher = new RecordingDispatcher();
        var finisher = new CountingFinisher();
        await using var second = new SweepCoordinator(reopened, dispatcher, finisher);
        var progress = await second.StartAsync(plan, failFast: false, CancellationToken.None);

        Assert.Equal(6, progress.Done);
        Assert.Equal(6, progress.Resumed);
        Assert.Equal(plan.Cells.Skip(6).Select(c => c.Command.CellId), dispatcher.Dispatched.Select(c => c.CellId));
        foreach (var cell in dispatcher.Dispatched)
        {
            await second.AcceptAsync(FakeCells.Result(cell), CancellationToken.None);
        }

        var outcome = await second.Completion(plan.SweepId).WaitAsync(Patience);
        Assert.True(outcome.Completed);
        Assert.Equal(4, second.CellsRecorded);
        Assert.Equal(10, finisher.LastResults.Count);
    }

    [Fact]
    public async Task A_failed_cell_is_recorded_and_the_sweep_goes_on()
    {
        var plan = FakeCells.Plan(4, folder);
        var dispatcher = new RecordingDispatcher();
        using var store = SweepStore.Open(StorePath);
        await using var coordinator = new SweepCoordinator(store, dispatcher, new CountingFinisher());
        await coordinator.StartAsync(plan, failFast: false, CancellationToken.None);
        foreach (var (cell, i) in dispatcher.Dispatched.Select((c, i) => (c, i)))
        {
            await coordinator.AcceptAsync(FakeCells.Result(cell, i == 1 ? "failed" : "ok"), CancellationToken.None);
        }

        var outcome = await coordinator.Completion(plan.SweepId).WaitAsync(Patience);
        Assert.True(outcome.Completed);
        Assert.Equal(1, outcome.Failed);
    }

    [Fact]
    public async Task Fail_fast_stops_at_the_first_failure_and_cancels_the_workers()
    {
        var plan = FakeCells.Plan(4, folder);
        var dispatcher = new RecordingDispatcher();
        var finisher = new CountingFinisher();
        using var store = SweepStore.Open(StorePath);
        await using var coordinator = new SweepCoordinator(store, dispatcher, finisher);
        await coordinator.StartAsync(plan, failFast: true, CancellationToken.None);
        await coordinator.AcceptAsync(FakeCells.Result(dispatcher.Dispatched[0], "failed"), CancellationToken.None);

        var outcome = await coordinator.Completion(plan.SweepId).WaitAsync(Patience);
        Assert.False(outcome.Completed);
        Assert.Contains("boom", outcome.StopReason, StringComparison.Ordinal);
        Assert.Equal([plan.SweepId], dispatcher.Cancelled);
        Assert.Equal(0, finisher.Calls);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
