using OrleansSweep.Cluster.Tests.Support;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>Sweeps on a real cluster: RabbitMQ on 127.0.0.1, a coordinator and worker silos as child processes.</summary>
[Collection(BrokerCollection.Name)]
public sealed class ClusterSweepTests(RabbitMqBroker broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_sweep_on_two_worker_silos_matches_the_embedded_run_timing_aside()
    {
        var reference = await EmbeddedReference.ResultsAsync(TestSpecs.TwentyFourCells);
        await using var cluster = await ClusterHarness.StartAsync(broker, "match");
        cluster.StartCoordinator();
        cluster.StartWorker("worker-1");
        cluster.StartWorker("worker-2");
        var specPath = Path.Combine(cluster.Folder, "spec.json");
        await File.WriteAllTextAsync(specPath, TestSpecs.TwentyFourCells);

        // The sweep command end to end: submit prints the id, watch follows it to the end, results downloads it.
        var submit = await ProcessRunner.SweepAsync(["submit", specPath, .. cluster.ClusterArguments]);
        Assert.True(submit.ExitCode == 0, submit.Error);
        var sweepId = Guid.Parse(submit.Output.Trim());
        var watch = await ProcessRunner.SweepAsync(["watch", sweepId.ToString(), "--interval", "0.5", .. cluster.ClusterArguments]);
        Assert.True(watch.ExitCode == 0, $"{watch.Output}{watch.Error}{cluster.Logs()}");
        Assert.Contains("completed", watch.Output, StringComparison.Ordinal);
        var downloaded = Path.Combine(cluster.Folder, "downloaded");
        var results = await ProcessRunner.SweepAsync(["results", sweepId.ToString(), "--out", downloaded, .. cluster.ClusterArguments]);
        Assert.True(results.ExitCode == 0, results.Error);

        var stored = cluster.StoredResults(sweepId);
        ResultAssert.Identical(reference, stored);
        Assert.Equal(new[] { "worker-1", "worker-2" }, stored.Select(r => r.Worker).Distinct().Order(StringComparer.Ordinal));

        // The embedded results, written with the cluster's timings: the files must be the same bytes.
        var expected = Path.Combine(cluster.Folder, "expected");
        var durations = stored.ToDictionary(r => r.CellId, r => r.DurationSeconds, StringComparer.Ordinal);
        var retimed = reference.Select(r => r with { DurationSeconds = durations[r.CellId] }).OrderBy(r => r.CellIndex).ToList();
        await new PhaseMapFinisher(DenseKernels.Default.Name).FinishAsync(SweepPlanner.Plan(TestSpecs.Parse(TestSpecs.TwentyFourCells), expected), retimed, CancellationToken.None);
        foreach (var file in new[] { PhaseMapParquet.PhaseMapFile, PhaseMapParquet.LyapunovSpectraFile })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(downloaded, file))), $"{file} differs");
        }
    }

    [Fact]
    public async Task A_worker_killed_mid_sweep_loses_no_cell_and_every_cell_is_recorded_once()
    {
        var reference = await EmbeddedReference.ResultsAsync(TestSpecs.TwentyFourCells);
        await using var cluster = await ClusterHarness.StartAsync(broker, "kill-worker");
        cluster.StartCoordinator();
        var victim = cluster.StartWorker("worker-1");
        cluster.StartWorker("worker-2");
        var sweepId = await cluster.SubmitAsync(TestSpecs.TwentyFourCells);

        // Kill -9 while the victim is computing a cell: its command is unacknowledged, so the broker redelivers it.
        await cluster.WaitForAsync(sweepId, s => s.Done >= 6 && s.Silos.Any(silo => silo.Node == "worker-1" && silo.RunningCells > 0),
            Patience, "a third done with worker-1 busy");
        victim.Kill();
        var final = await cluster.WaitForCompletionAsync(sweepId, Patience);

        var stored = cluster.StoredResults(sweepId);
        Assert.Equal(24, stored.Count);
        Assert.Equal(24, stored.Select(r => r.CellId).Distinct().Count());
        Assert.Equal(24, final.Dispatched); // nothing was dispatched twice: the redelivery came from the broker
        ResultAssert.Identical(reference, stored); // recomputed elsewhere, bit for bit
    }
}
