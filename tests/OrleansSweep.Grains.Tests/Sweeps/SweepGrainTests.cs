using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Tests.Support;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>The sweep grain on a 2-silo in-process cluster: counting, resume, cancel, reuse.</summary>
public sealed class SweepGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly SweepClient client = new(fixture.Client);

    [Fact]
    public async Task Completes_a_sweep_with_every_cell_counted_once_and_every_result_readable()
    {
        var sweep = GrainSpecs.Cheap("complete", 40);

        await client.StartAsync(sweep, failFast: false);
        var status = await Polling.UntilFinishedAsync(client, GrainSpecs.IdOf(sweep), Patience);
        var results = await client.ReadResultsAsync(status.SweepId, CancellationToken.None);

        Assert.Equal(SweepStates.Completed, status.State);
        Assert.Equal((40, 40, 0), (status.Total, status.Done, status.Failed));
        Assert.Equal(Enumerable.Range(0, 40), results.Select(r => r.CellIndex));
        Assert.All(results, r => Assert.Equal(status.SweepId, r.SweepId));
        Assert.Equal(40, status.CellsBySilo.Values.Sum());
    }

    [Fact]
    public async Task Duplicate_reports_and_redispatches_are_counted_once_and_computed_once()
    {
        var sweep = GrainSpecs.Cheap("duplicates", 12);
        var id = GrainSpecs.IdOf(sweep);
        await client.StartAsync(sweep, failFast: false);
        var first = await Polling.UntilFinishedAsync(client, id, Patience);
        var results = await client.ReadResultsAsync(id, CancellationToken.None);
        var computedBefore = fixture.CellsComputed;

        var grain = fixture.Client.GetGrain<ISweepGrain>(id);
        foreach (var result in results.Concat(results))
        {
            await grain.ReportAsync(result); // a retried report, twice over
        }

        // Read before the re-dispatches: their re-reports may arrive before the loop below ends (a snapshot taken after it
        // then waited for 12 more that never came).
        var before = await client.StatusAsync(id);
        foreach (var result in results)
        {
            // A re-dispatch of a finished cell: answered from storage, not recomputed.
            await fixture.Client.GetGrain<ICellGrain>(result.CellId).StartAsync(new AnalyzeCell(id, result.CellId, result.CellIndex, "{}"));
        }

        await Polling.UntilAsync(() => client.StatusAsync(id).Result.DuplicatesDropped >= before.DuplicatesDropped + 12, Patience, "re-dispatched cells re-report");
        var last = await client.StatusAsync(id);
        Assert.Equal((12, 12), (first.Done, last.Done));
        Assert.True(last.DuplicatesDropped >= 36, $"duplicates dropped: {last.DuplicatesDropped}");
        Assert.Equal(computedBefore, fixture.CellsComputed);
    }

    [Fact]
    public async Task A_sweep_grain_deactivated_mid_sweep_resumes_from_its_stored_state_and_counts_each_cell_once()
    {
        var sweep = GrainSpecs.Cheap("resume", 60);
        var id = GrainSpecs.IdOf(sweep);
        var computedBefore = fixture.CellsComputed;
        await client.StartAsync(sweep, failFast: false);
        await Polling.UntilAsync(() => client.StatusAsync(id).Result.Done >= 10, Patience, "first cells done");

        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ISweepGrain>(id));
        var status = await Polling.UntilFinishedAsync(client, id, Patience);

        Assert.Equal((SweepStates.Completed, 60), (status.State, status.Done));
        Assert.True(status.Resumed > 0, "the re-activated grain restored its progress");
        Assert.InRange(fixture.CellsComputed - computedBefore, 60, 60 + 1); // at most the cell lost in flight, recomputed
        Assert.Equal(60, (await client.ReadResultsAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Cancelling_stops_the_running_cells_within_a_second_and_a_new_start_resumes()
    {
        var sweep = GrainSpecs.Slow("cancel", 4);
        var id = GrainSpecs.IdOf(sweep);
        await client.StartAsync(sweep, failFast: false);
        await Polling.UntilAsync(() => fixture.CellsRunning == 2, Patience, "both silos computing");

        var cancelled = await client.CancelAsync(id, "test");
        var stoppedAfter = await Polling.UntilAsync(() => fixture.CellsRunning == 0, TimeSpan.FromSeconds(5), "cells stop");

        Assert.Equal(SweepStates.Cancelled, cancelled.State);
        Assert.True(stoppedAfter < TimeSpan.FromSeconds(1), $"running cells stopped after {stoppedAfter.TotalMilliseconds:F0} ms");
        var restarted = await client.StartAsync(sweep, failFast: false);
        Assert.Equal(SweepStates.Running, restarted.State);
        await Polling.UntilAsync(() => fixture.CellsRunning > 0, Patience, "resumed cells compute");
        await client.CancelAsync(id, "end of test");
    }

    [Fact]
    public async Task A_second_sweep_reuses_the_stored_results_of_cells_it_shares_with_the_first()
    {
        // Values no other test uses: cells are content-addressed, so every test's cells live in one shared cluster.
        var first = GrainSpecs.Cheap("reuse-a", 5.1, 5.2, 5.3);
        var second = GrainSpecs.Cheap("reuse-b", 5.05, 5.1, 5.2, 5.3, 5.35); // the same cells at g = 5.1, 5.2, 5.3 (other indices)
        await client.StartAsync(first, failFast: false);
        await Polling.UntilFinishedAsync(client, GrainSpecs.IdOf(first), Patience);
        var firstResults = await client.ReadResultsAsync(GrainSpecs.IdOf(first), CancellationToken.None);
        var computedBefore = fixture.CellsComputed;

        await client.StartAsync(second, failFast: false);
        var status = await Polling.UntilFinishedAsync(client, GrainSpecs.IdOf(second), Patience);
        var secondResults = await client.ReadResultsAsync(status.SweepId, CancellationToken.None);

        Assert.Equal(2, fixture.CellsComputed - computedBefore);
        foreach (var shared in firstResults)
        {
            var again = Assert.Single(secondResults, r => r.CellId == shared.CellId);
            Assert.Equal(shared.CellIndex + 1, again.CellIndex);
            Assert.Equal(shared.Metrics, again.Metrics); // the very same stored numbers
        }
    }

    [Fact]
    public async Task Fail_fast_is_off_by_default_and_a_foreign_spec_is_refused()
    {
        var sweep = GrainSpecs.Cheap("foreign", 2);
        var other = GrainSpecs.Cheap("foreign-other", 3);
        var grain = fixture.Client.GetGrain<ISweepGrain>(GrainSpecs.IdOf(sweep));

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            grain.StartAsync(new StartSweep(GrainSpecs.IdOf(sweep), other.CanonicalJson, false, null)));

        Assert.Contains("sweep id", error.Message, StringComparison.Ordinal);
        Assert.Equal(SweepStates.Unknown, (await grain.GetStatusAsync()).State);
    }
}
