using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Cluster.Hosting;
using OrleansSweep.Cluster.Tests.Support;
using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Tests.Coordination;

/// <summary>The cluster coordinator's commands and queries, on the silo's production registration in memory.</summary>
public sealed class CoordinatorHarnessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("orleanssweep-coordinator-").FullName;
    private ServiceProvider provider = null!;
    private ITestHarness harness = null!;

    public async Task InitializeAsync()
    {
        var options = new ClusterOptions
        {
            Transport = TransportKind.InMemory, Role = SiloRoles.All, NodeName = "harness", Concurrency = 1, DataFolder = folder,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSweepSilo(options);
        services.AddSingleton<ICellWorker>(new FailingWorker(new CellWorker(DenseKernels.Default, "harness"), failIndex: 1));
        var endpoints = new ClusterEndpoints(options, SiloRoles.All, clusterCoordinator: true);
        services.AddMassTransitTestHarness(bus => bus.UsingInMemory((context, transport) => endpoints.Configure(context, transport)));
        provider = services.BuildServiceProvider(validateScopes: true);
        harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
    }

    [Fact]
    public async Task Fail_fast_stops_the_sweep_at_the_first_failure_and_says_so()
    {
        var sweepId = await SubmitAsync(failFast: true);

        var status = await WaitForAsync(sweepId, s => s.State != "running" && s.State != "unknown");

        Assert.Equal("failed", status.State);
        Assert.Contains("--fail-fast", status.Reason, StringComparison.Ordinal);
        Assert.Equal("failed", provider.GetRequiredService<SweepStore>().FindSweep(sweepId)!.State);
        var results = await AskAsync<GetSweepResults, SweepResults>(new GetSweepResults(sweepId));
        Assert.False(results.Ready);
        Assert.Contains("resubmit", results.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completed_sweep_records_its_failed_cell_and_hands_out_its_outputs()
    {
        var sweepId = await SubmitAsync(failFast: false);

        var status = await WaitForAsync(sweepId, s => s.State == "completed");

        Assert.Equal((3, 3, 1), (status.Total, status.Done, status.Failed));
        Assert.Equal(3, status.Dispatched);
        Assert.Equal(new Dictionary<string, int> { ["harness"] = 3 }, status.CellsBySilo);
        var results = await AskAsync<GetSweepResults, SweepResults>(new GetSweepResults(sweepId));
        Assert.True(results.Ready, results.Reason);
        Assert.Contains(results.Files, f => f.Name == "phase_map.parquet" && f.Content.Length > 0);
        Assert.Contains(results.Files, f => f.Name == "report.html");
        Assert.Equal(TestSpecs.Parse(Tiny).Fingerprint, results.Fingerprint);
    }

    [Fact]
    public async Task Two_sweeps_run_side_by_side_each_into_its_own_folder()
    {
        var first = await SubmitAsync(failFast: false);
        var second = await SubmitAsync(failFast: false, Tiny.Replace("\"seed\": 4", "\"seed\": 5", StringComparison.Ordinal));

        var statuses = await Task.WhenAll(WaitForAsync(first, s => s.State == "completed"), WaitForAsync(second, s => s.State == "completed"));

        Assert.NotEqual(first, second);
        Assert.All(statuses, s => Assert.Equal((3, 1), (s.Done, s.Failed)));
        Assert.True(File.Exists(Path.Combine(folder, first.ToString("D"), "phase_map.parquet")));
        Assert.True(File.Exists(Path.Combine(folder, second.ToString("D"), "phase_map.parquet")));
    }

    [Fact]
    public async Task An_unknown_sweep_is_reported_as_unknown()
    {
        var status = await AskAsync<GetSweepStatus, SweepStatus>(new GetSweepStatus(Guid.NewGuid()));
        var results = await AskAsync<GetSweepResults, SweepResults>(new GetSweepResults(Guid.NewGuid()));

        Assert.Equal("unknown", status.State);
        Assert.False(results.Ready);
        Assert.Null(results.Fingerprint);
    }

    public async Task DisposeAsync()
    {
        await harness.Stop();
        await provider.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<Guid> SubmitAsync(bool failFast, string spec = Tiny)
    {
        var sweep = TestSpecs.Parse(spec);
        var sweepId = SweepPlanner.SweepIdOf(sweep.Fingerprint);
        var endpoint = await harness.Bus.GetSendEndpoint(QueueNames.Queue(QueueNames.Coordinator));
        await endpoint.Send(new StartSweep(sweepId, sweep.CanonicalJson, "ignored", failFast));
        return sweepId;
    }

    private async Task<SweepStatus> WaitForAsync(Guid sweepId, Func<SweepStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var status = await AskAsync<GetSweepStatus, SweepStatus>(new GetSweepStatus(sweepId));
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"condition not reached; last status {status}");
            await Task.Delay(50);
        }
    }

    private async Task<TResponse> AskAsync<TRequest, TResponse>(TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var client = harness.Bus.CreateRequestClient<TRequest>(QueueNames.Queue(QueueNames.Coordinator), RequestTimeout.After(s: 10));
        return (await client.GetResponse<TResponse>(request)).Message;
    }

    private const string Tiny = """
        {
          "name": "coordinator-harness", "model": "rate", "n": 8, "realizations": 1, "seed": 4,
          "grid": { "g": { "values": [0.5, 1.5, 2.5] } },
          "analyses": { "lyapunov": { "exponents": 2, "transientTime": 10, "averagingTime": 20, "windows": 2 } }
        }
        """;

    /// <summary>Computes cells for real, except one that fails (as a cell whose analysis throws would).</summary>
    private sealed class FailingWorker(ICellWorker inner, int failIndex) : ICellWorker
    {
        public async Task<CellAnalyzed?> AnalyzeAsync(AnalyzeCell command, CancellationToken cancellationToken) =>
            command.CellIndex == failIndex
                ? new CellAnalyzed(command.SweepId, command.CellId, command.CellIndex, "failed", "InvalidOperationException: injected",
                    new Dictionary<string, double?>(), new Dictionary<string, string>(), new Dictionary<string, double[]>(), "harness", 0)
                : await inner.AnalyzeAsync(command, cancellationToken);
    }
}
