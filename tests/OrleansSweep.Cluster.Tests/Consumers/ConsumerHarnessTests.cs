using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Cluster.Tests.Support;
using OrleansSweep.Cluster.Workers;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Tests.Consumers;

/// <summary>The consumers on the production registration, through MassTransit's test harness (in memory, no broker).</summary>
public sealed class ConsumerHarnessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("orleanssweep-harness-").FullName;

    [Fact]
    public async Task A_result_delivered_twice_is_recorded_once()
    {
        await using var provider = WorkerHarness.Build(SiloRoles.Coordinator, Path.Combine(folder, "results.db"));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var result = new CellAnalyzed(Guid.NewGuid(), "cell-a", 0, "ok", null,
            new Dictionary<string, double?> { ["lyapunov_max"] = double.PositiveInfinity, ["nan"] = double.NaN },
            new Dictionary<string, string>(), new Dictionary<string, double[]> { ["lyapunov_spectrum"] = [0.25, -1] }, "w", 0.1);

        await harness.SendAsync(QueueNames.CellResults, result);
        await harness.SendAsync(QueueNames.CellResults, result);

        await WaitUntil(() => harness.Consumed.Select<CellAnalyzed>().Count(m => m.Exception is null) == 2);
        var stored = Assert.Single(provider.GetRequiredService<SweepStore>().Results(result.SweepId));
        Assert.Equal(double.PositiveInfinity, stored.Metrics["lyapunov_max"]);
        Assert.True(double.IsNaN(stored.Metrics["nan"]!.Value));
        Assert.Equal(1, provider.GetRequiredService<SweepCoordinator>().DuplicatesDropped);
    }

    [Fact]
    public async Task A_failing_cell_is_recorded_with_its_error_and_the_sweep_goes_on()
    {
        await using var provider = WorkerHarness.Build(SiloRoles.All, Path.Combine(folder, "results.db"));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var plan = SweepPlanner.Plan(TestSpecs.Parse(TinyRate), Path.Combine(folder, "out"));
        var broken = plan with
        {
            Cells = plan.Cells.Select(c => c.Command.CellIndex == 1 ? c with { Command = c.Command with { CellJson = "{ not json" } } : c).ToList(),
        };
        var coordinator = provider.GetRequiredService<SweepCoordinator>();

        await coordinator.StartAsync(broken, failFast: false, CancellationToken.None);
        var outcome = await coordinator.Completion(plan.SweepId).WaitAsync(Patience);

        Assert.True(outcome.Completed);
        Assert.Equal(1, outcome.Failed);
        var results = provider.GetRequiredService<SweepStore>().Results(plan.SweepId);
        Assert.Equal(plan.Cells.Count, results.Count);
        var failed = Assert.Single(results, r => r.Status == "failed");
        Assert.Equal(1, failed.CellIndex);
        Assert.Contains("JsonException", failed.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(outcome.PhaseMapPath));
    }

    [Fact]
    public async Task Cancel_stops_the_running_cell_and_drops_queued_commands_but_not_later_ones()
    {
        var worker = new GatedWorker(blockedCells: 3);
        await using var provider = WorkerHarness.Build(SiloRoles.Worker, null, services => services.AddSingleton<ICellWorker>(worker));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var sweepId = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await harness.SendAsync(QueueNames.AnalyzeCell, new AnalyzeCell(sweepId, $"cell-{i}", i, "{}"));
        }

        await worker.FirstStarted.Task.WaitAsync(Patience);
        await harness.Bus.Publish(new CancelSweep(sweepId));
        var activity = provider.GetRequiredService<WorkerActivity>();
        await WaitUntil(() => activity.CommandsDropped == 3);
        Assert.Equal(1, worker.Cancelled); // the running one observed its token; the two queued ones never started
        Assert.Empty(harness.Sent.Select<CellAnalyzed>()); // all three consumers returned without a result

        // A resubmission's commands are sent after the cancel: they run, no flag needs clearing. Wait for the cell itself:
        // the harness's Sent.Any may judge the bus idle before the new command is consumed (it did, now and then).
        await harness.SendAsync(QueueNames.AnalyzeCell, new AnalyzeCell(sweepId, "cell-3", 3, "{}"));
        await WaitUntil(() => activity.CellsComputed == 1);
        Assert.True(await harness.Sent.Any<CellAnalyzed>(m => m.Context.Message.CellId == "cell-3"));
        Assert.Equal(1, activity.CellsComputed);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(20);
        }
    }

    private const string TinyRate = """
        {
          "name": "harness", "model": "rate", "n": 8, "realizations": 1, "seed": 3,
          "grid": { "g": { "values": [0.5, 1.5, 2.5] } },
          "analyses": { "lyapunov": { "exponents": 2, "transientTime": 10, "averagingTime": 20, "windows": 2 } }
        }
        """;
}
