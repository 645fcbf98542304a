using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Cells;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Execution;
using OrleansSweep.Grains.Tests.Support;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>Reports in batches (one call per silo and sweep) count each cell once; a silo holds a bounded number of cells.</summary>
public sealed class BatchedReportTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly SweepClient client = new(fixture.Client);

    [Fact]
    public async Task A_batch_with_duplicates_counts_each_cell_once_and_later_batches_count_nothing_again()
    {
        // Slow cells: none finishes during the test, so every count below comes from the batches sent here.
        var sweep = GrainSpecs.Slow("batched-duplicates", 4);
        var id = GrainSpecs.IdOf(sweep);
        var cells = SweepPlanner.Plan(sweep, string.Empty, CancellationToken.None).Cells;
        var grain = fixture.Client.GetGrain<ISweepGrain>(id);
        await client.StartAsync(sweep, failFast: false);
        var first = Result(id, cells[0].Command);
        var second = Result(id, cells[1].Command);

        await grain.ReportManyAsync([first, second, first]);
        var once = await client.StatusAsync(id);
        await grain.ReportManyAsync([second, first]);
        await grain.ReportAsync(first);
        var again = await client.StatusAsync(id);
        await client.CancelAsync(id, "end of test");

        Assert.Equal((2, 1L), (once.Done, once.DuplicatesDropped));
        Assert.Equal((2, 4L), (again.Done, again.DuplicatesDropped));
        Assert.Equal(SweepStates.Running, again.State);
    }

    [Fact]
    public async Task A_sweep_of_short_cells_is_reported_in_fewer_calls_than_cells_and_counted_once()
    {
        var sweep = GrainSpecs.Cheap("batched-complete", 120);
        var callsBefore = Reporters().Sum(r => r.Calls);

        await client.StartAsync(sweep, failFast: false);
        var status = await Polling.UntilFinishedAsync(client, GrainSpecs.IdOf(sweep), Patience);

        Assert.Equal((SweepStates.Completed, 120), (status.State, status.Done));
        Assert.Equal(120, status.Reported - status.DuplicatesDropped); // a cell asked again (overdue) reports twice, counts once
        Assert.InRange(Reporters().Sum(r => r.Calls) - callsBefore, 1, 120);
    }

    [Fact]
    public async Task A_silo_never_holds_more_cells_than_its_bound_allows()
    {
        var sweep = GrainSpecs.Cheap("batched-bound", 150);
        var most = 1 + 1 + InFlightBound.MaxExtraPerThread; // one executor thread per silo in the fixture
        var seen = 0;

        await client.StartAsync(sweep, failFast: false);
        await Polling.UntilAsync(() =>
        {
            foreach (var executor in Services<CellExecutor>())
            {
                seen = Math.Max(seen, executor.Busy + executor.Queued);
            }

            return client.StatusAsync(GrainSpecs.IdOf(sweep)).Result.State == SweepStates.Completed;
        }, Patience, "sweep completes");

        Assert.InRange(seen, 0, most);
    }

    private static CellAnalyzed Result(Guid sweepId, AnalyzeCell cell) =>
        new(sweepId, cell.CellId, cell.CellIndex, "ok", null,
            new Dictionary<string, double?>(), new Dictionary<string, string>(), new Dictionary<string, double[]>(), "test", 0);

    private IEnumerable<CellReporter> Reporters() => Services<CellReporter>();

    private IEnumerable<T> Services<T>()
        where T : notnull =>
        fixture.Cluster.Silos.Where(s => s.IsActive).Select(s => s.ServiceProvider.GetRequiredService<T>());
}
