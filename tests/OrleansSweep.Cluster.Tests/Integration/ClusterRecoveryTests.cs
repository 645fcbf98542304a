using OrleansSweep.Cluster.Tests.Support;
using Xunit.Abstractions;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>A cluster sweep survives its coordinator's death, a broker restart and a cancel, and resumes.</summary>
[Collection(BrokerCollection.Name)]
public sealed class ClusterRecoveryTests(RabbitMqBroker broker, ITestOutputHelper output)
{
    private const int Cells = 24;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_restarted_coordinator_resumes_without_dispatching_finished_cells_again()
    {
        var reference = await EmbeddedReference.ResultsAsync(TestSpecs.TwentyFourCells);
        await using var cluster = await ClusterHarness.StartAsync(broker, "restart-coordinator");
        var first = cluster.StartCoordinator("coordinator-1");
        cluster.StartWorker("worker-1");
        cluster.StartWorker("worker-2");
        var sweepId = await cluster.SubmitAsync(TestSpecs.TwentyFourCells);

        await cluster.WaitForAsync(sweepId, s => s.Done >= 6, Patience, "a quarter done");
        first.Kill();
        var storedAtKill = cluster.StoredResults(sweepId).Count;
        cluster.StartCoordinator("coordinator-2");
        var final = await cluster.WaitForCompletionAsync(sweepId, Patience);

        // The second coordinator started from its store: it dispatched exactly the cells without a stored result. (All
        // 24 may already be stored when it resumes: results computed while no coordinator ran wait in the broker and
        // are stored as it starts; the cells are sized so that this is rare, not impossible.)
        Assert.InRange(final.Resumed, storedAtKill, Cells);
        Assert.Equal(Cells - final.Resumed, final.Dispatched);
        var stored = cluster.StoredResults(sweepId);
        Assert.Equal(Cells, stored.Count);
        ResultAssert.Identical(reference, stored);

        // Workers computed no finished cell again: only cells in flight at the resume (one per worker) may run twice.
        var idle = await cluster.WaitForAsync(sweepId, s => s.Silos.Count == 2 && s.Silos.All(silo => silo.RunningCells == 0), Patience, "idle");
        output.WriteLine($"stored at kill {storedAtKill}, resumed {final.Resumed}, dispatched {final.Dispatched}, recorded {final.Recorded}, " +
            $"duplicates {final.DuplicatesDropped}, computed by workers {idle.Silos.Sum(silo => silo.CellsComputed)}");
        Assert.InRange(idle.Silos.Sum(silo => silo.CellsComputed), Cells, Cells + 2 * 2);
    }

    [Fact]
    public async Task A_sweep_completes_across_a_broker_restart()
    {
        var reference = await EmbeddedReference.ResultsAsync(TestSpecs.TwentyFourCells);
        await using var cluster = await ClusterHarness.StartAsync(broker, "restart-broker");
        cluster.StartCoordinator();
        cluster.StartWorker("worker-1");
        cluster.StartWorker("worker-2");
        var sweepId = await cluster.SubmitAsync(TestSpecs.TwentyFourCells);

        await cluster.WaitForAsync(sweepId, s => s.Done >= 4, Patience, "started");
        await broker.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await broker.StartAsync();
        var restarted = DateTime.UtcNow;
        var final = await cluster.WaitForCompletionAsync(sweepId, TimeSpan.FromMinutes(3));
        output.WriteLine($"completed {(DateTime.UtcNow - restarted).TotalSeconds:F1} s after the broker came back; duplicates dropped {final.DuplicatesDropped}");

        var stored = cluster.StoredResults(sweepId);
        Assert.Equal(Cells, stored.Count);
        ResultAssert.Identical(reference, stored);
    }

    [Fact]
    public async Task Cancel_idles_the_silos_within_seconds_and_a_resubmission_resumes()
    {
        await using var cluster = await ClusterHarness.StartAsync(broker, "cancel");
        cluster.StartCoordinator();
        cluster.StartWorker("worker-1");
        cluster.StartWorker("worker-2");
        var sweepId = await cluster.SubmitAsync(TestSpecs.FourLongCells);
        var client = await cluster.ClientAsync();

        // Cancel once two cells are stored and both silos are inside a cell that needs several more seconds than the
        // bound below allows: idle silos then prove the running cells observed their cancellation tokens.
        await cluster.WaitForAsync(sweepId, s => s.Done == 2 && s.Running == 2, Patience, "two cells stored, two running");
        var cancelSent = DateTime.UtcNow;
        await client.CancelAsync(sweepId, CancellationToken.None);
        var cancelled = await cluster.WaitForAsync(sweepId, s => s.State == "cancelled" && s.Silos.Count == 2 && s.Silos.All(silo => silo.RunningCells == 0),
            TimeSpan.FromSeconds(4), "cancelled with idle silos");
        output.WriteLine($"cancelled with {cancelled.Done} cells stored; silos idle after {(DateTime.UtcNow - cancelSent).TotalSeconds:F1} s");
        Assert.Equal(0, await broker.QueueDepthAsync(cluster.VirtualHost, QueueNames.AnalyzeCell)); // no command left behind
        Assert.Equal(2, cancelled.Done);
        Assert.Equal(2, cluster.StoredResults(sweepId).Count); // nothing half-written: stopped cells left no result

        var resubmitted = DateTime.UtcNow;
        await cluster.SubmitAsync(TestSpecs.FourLongCells);
        var final = await cluster.WaitForCompletionAsync(sweepId, Patience, startedAfter: resubmitted);
        Assert.Equal(2, final.Resumed);
        Assert.Equal(2, final.Dispatched);
        Assert.Equal(4, cluster.StoredResults(sweepId).Count);
    }

    [Fact]
    public async Task A_stopped_worker_hands_its_running_cell_back_to_the_broker()
    {
        await using var cluster = await ClusterHarness.StartAsync(broker, "graceful-stop");
        cluster.StartCoordinator();
        var worker = cluster.StartWorker("worker-1", stopTimeoutSeconds: 1);
        var sweepId = await cluster.SubmitAsync(TestSpecs.FourLongCells);
        await cluster.WaitForAsync(sweepId, s => s.Running == 1, Patience, "computing");

        // SIGTERM: the cell gets the stop timeout (1 s) to finish, is then cancelled and its command is not acknowledged.
        await worker.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(cluster.StoredResults(sweepId));
        Assert.Equal(4, await broker.QueueDepthAsync(cluster.VirtualHost, QueueNames.AnalyzeCell));
    }
}
