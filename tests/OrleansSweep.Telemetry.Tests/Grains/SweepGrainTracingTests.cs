using System.Diagnostics;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests.Grains;

/// <summary>
/// A small sweep on a 2-silo <see cref="InProcessTestCluster"/> built like the production silos (the sweep grains,
/// activity propagation on silos and client), seen through an ActivityListener on OrleansSweep's and Orleans' sources
/// (like <c>dotnet/orleans:test/.../ActivityPropagationTests.cs</c>) and a MeterListener.
/// </summary>
public sealed class SweepGrainTracingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Cells_are_traces_of_their_own_linked_to_the_sweep_whose_trace_holds_the_grain_calls_that_started_it()
    {
        const int Cells = 4;
        using var spans = new SpanRecorder(orleans: true);
        using var metrics = new MetricRecorder();
        await using var cluster = await StartClusterAsync();
        var sweep = TestSweeps.Rate(Cells, realizations: 1);
        var client = new SweepClient(cluster.Client);

        Activity sweepSpan;
        SweepStatus status;
        using (sweepSpan = StartSweep(Sweeps.Coordination.SweepPlanner.SweepIdOf(sweep.Fingerprint), "grains", "rate", Cells, 1)!)
        {
            var started = await client.StartAsync(sweep, failFast: false);
            using var detached = DetachTrace();
            using var timeout = new CancellationTokenSource(Patience);
            status = await client.WaitAsync(started.SweepId, _ => { }, TimeSpan.FromMilliseconds(50), timeout.Token);
        }

        Assert.Equal(SweepStates.Completed, status.State);

        // Each cell: the root of a trace of its own, linked to the sweep span, with its realisation under it.
        var cells = spans.Named(Spans.Cell);
        Assert.Equal(Cells, cells.Select(c => c.GetTagItem(Attributes.CellId)).Distinct().Count());
        Assert.All(cells, cell =>
        {
            Assert.Equal(ActivityKind.Internal, cell.Kind);
            Assert.Equal(default, cell.ParentSpanId);
            Assert.NotEqual(sweepSpan.TraceId, cell.TraceId);
            var link = Assert.Single(cell.Links);
            Assert.Equal((sweepSpan.TraceId, sweepSpan.SpanId), (link.Context.TraceId, link.Context.SpanId));
            Assert.Equal(ActivityStatusCode.Unset, cell.Status);
            Assert.Contains(cell.GetTagItem(Attributes.Status), new object[] { Statuses.Ok, Statuses.Partial });
            Assert.Single(spans.Named(Spans.Realization), r => r.ParentSpanId == cell.SpanId);
            Assert.Single(spans.InTrace(cell.TraceId), s => s.ParentSpanId == default); // nothing else roots there
        });
        Assert.Equal(Cells, cells.Select(c => c.TraceId).Distinct().Count());

        // The sweep's trace: the client's call that started the sweep grain (propagation on), its server side on a
        // silo and what that turn stored; none of the cells' grain calls, which run in traces of their own.
        var sweepTrace = spans.InTrace(sweepSpan.TraceId);
        var startCall = Assert.Single(sweepTrace, s => s.DisplayName == "ISweepGrain/StartAsync" && s.ParentSpanId == sweepSpan.SpanId);
        Assert.Equal(ActivityKind.Client, startCall.Kind);
        Assert.StartsWith("Microsoft.Orleans.", startCall.Source.Name, StringComparison.Ordinal);
        Assert.Single(sweepTrace, s => s.DisplayName == "ISweepGrain/StartAsync" && s.ParentSpanId == startCall.SpanId && s.Kind == ActivityKind.Server);
        Assert.Contains(sweepTrace, s => s.Source.Name == "Microsoft.Orleans.Storage");
        Assert.DoesNotContain(sweepTrace, s => Describe(s).Contains("ICellGrain", StringComparison.Ordinal));
        Assert.Contains(spans.Spans, s => s.DisplayName == "ICellGrain/StartAsync" && s.TraceId != sweepSpan.TraceId);

        // Metrics: each cell counted once where the sweep grain counts it; the executor's queue wait per computed cell.
        Assert.Equal(Cells, metrics.Sum(Instruments.CellsCompleted));
        Assert.All(metrics.Of(Instruments.CellsCompleted), m => Assert.Equal("rate", m.Tags[Attributes.Model]));
        Assert.True(metrics.Of(Instruments.QueueWait).Count >= Cells);
        Assert.All(metrics.Of(Instruments.QueueWait), m => Assert.Equal("test-silo", m.Tags[Attributes.Worker]));
        Assert.Equal(0, metrics.Sum(Instruments.CellsInFlight));
        Assert.Equal(Cells, metrics.Of(Instruments.CellDuration).Count);
    }

    [Fact]
    public async Task A_completed_sweep_submitted_again_counts_no_cell_twice()
    {
        const int Cells = 3;
        using var metrics = new MetricRecorder();
        await using var cluster = await StartClusterAsync();
        var client = new SweepClient(cluster.Client);
        var sweep = TestSweeps.Rate(Cells, realizations: 1);
        using var timeout = new CancellationTokenSource(Patience);

        var first = await client.StartAsync(sweep, failFast: false);
        await client.WaitAsync(first.SweepId, _ => { }, TimeSpan.FromMilliseconds(50), timeout.Token);
        var again = await client.StartAsync(sweep, failFast: false); // completed: answered from the record

        Assert.Equal(SweepStates.Completed, again.State);
        Assert.Equal(Cells, metrics.Sum(Instruments.CellsCompleted));
        Assert.Equal(0, metrics.Sum(Instruments.CellsFailed));
    }

    private static string Describe(Activity span) =>
        $"{span.OperationName} {span.DisplayName} {span.GetTagItem("rpc.service")} {span.GetTagItem("rpc.method")}";

    private static async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo
            .AddSweepGrains(executor =>
            {
                executor.Threads = 1;
                executor.WorkerName = "test-silo";
            })
            .AddMemoryGrainStorage(StorageNames.Cells)
            .AddMemoryGrainStorage(StorageNames.Sweeps)
            .UseInMemoryReminderService());
        builder.ConfigureClient(client => client.AddActivityPropagation());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
