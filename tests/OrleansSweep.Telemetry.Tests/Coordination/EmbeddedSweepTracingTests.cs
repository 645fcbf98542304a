using System.Diagnostics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Storage;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Telemetry.Tests.Coordination;

/// <summary>
/// A small sweep the embedded way — <see cref="SweepCoordinator"/>, <see cref="CellWorker"/> and the sweep span in one
/// process — seen through an ActivityListener and a MeterListener.
/// </summary>
public sealed class EmbeddedSweepTracingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("telemetry-sweep-").FullName;

    [Fact]
    public async Task Every_cell_is_a_trace_of_its_own_linked_to_the_sweep_span()
    {
        var plan = TestSweeps.Plan(cells: 4, realizations: 2, folder);
        using var spans = new SpanRecorder();

        var (outcome, transport) = await RunAsync(plan);

        Assert.True(outcome.Completed);
        Assert.Equal(default, SweepContextOf(plan.SweepId)); // forgotten once finished
        var sweep = spans.Single(Spans.Sweep);
        Assert.Null(transport.AmbientAtDispatch); // the cells leave outside the sweep's trace
        var dispatch = spans.Single(Spans.Dispatch);
        var outputs = spans.Single(Spans.Outputs);
        Assert.Equal((sweep.TraceId, sweep.SpanId), (dispatch.TraceId, dispatch.ParentSpanId));
        Assert.Equal((sweep.TraceId, sweep.SpanId), (outputs.TraceId, outputs.ParentSpanId));
        Assert.Equal(4, dispatch.GetTagItem(Attributes.Cells));
        Assert.Equal(3, spans.Spans.Count(s => s.TraceId == sweep.TraceId)); // sweep, dispatch, outputs: nothing per cell

        var cells = spans.Named(Spans.Cell);
        Assert.Equal(plan.Cells.Select(c => c.Command.CellId).Order(), cells.Select(c => (string)c.GetTagItem(Attributes.CellId)!).Order());
        Assert.Equal(4, cells.Select(c => c.TraceId).Distinct().Count());
        Assert.All(cells, cell =>
        {
            Assert.Equal(default, cell.ParentSpanId);
            var link = Assert.Single(cell.Links);
            Assert.Equal((sweep.TraceId, sweep.SpanId), (link.Context.TraceId, link.Context.SpanId));
            var realizations = spans.Named(Spans.Realization).Where(r => r.ParentSpanId == cell.SpanId).ToList();
            Assert.Equal(2, realizations.Count);
            Assert.All(realizations, r => Assert.Equal(3, spans.Spans.Count(s => s.ParentSpanId == r.SpanId)));
        });
    }

    [Fact]
    public async Task A_failing_cell_is_an_error_span_and_a_failed_count_while_the_sweep_goes_on()
    {
        var plan = TestSweeps.Plan(cells: 3, realizations: 1, folder);
        var broken = plan.Cells[1] with { Command = plan.Cells[1].Command with { CellJson = "{ not json" } };
        plan = plan with { Cells = [plan.Cells[0], broken, plan.Cells[2]] };
        using var spans = new SpanRecorder();
        using var metrics = new MetricRecorder();

        var (outcome, _) = await RunAsync(plan);

        Assert.Equal(1, outcome.Failed);
        var cells = spans.Named(Spans.Cell);
        var failed = Assert.Single(cells, c => c.Status == ActivityStatusCode.Error);
        Assert.Equal(broken.Command.CellId, failed.GetTagItem(Attributes.CellId));
        Assert.Contains(failed.Events, e => e.Name == "exception");
        Assert.All(cells.Where(c => c != failed), c => Assert.Contains(c.GetTagItem(Attributes.Status), new object[] { Statuses.Ok, Statuses.Partial }));
        Assert.Equal(1, metrics.Sum(Instruments.CellsFailed));
        Assert.Equal(2, metrics.Sum(Instruments.CellsCompleted));
        Assert.All(metrics.Of(Instruments.CellsCompleted), m => Assert.Equal("rate", m.Tags[Attributes.Model]));
    }

    [Fact]
    public async Task The_coordinator_measures_its_store_batches_and_counts_redeliveries()
    {
        var plan = TestSweeps.Plan(cells: 3, realizations: 1, folder);
        using var metrics = new MetricRecorder();
        using var store = SweepStore.Open(Path.Combine(folder, "results.db"));
        var results = new List<Contracts.CellAnalyzed>();
        var worker = new CellWorker(DenseKernels.Managed, "w");
        foreach (var cell in plan.Cells)
        {
            results.Add((await worker.AnalyzeAsync(cell.Command, CancellationToken.None))!);
        }

        await using (var coordinator = new SweepCoordinator(store, new InProcessTransport(worker), new NullFinisher()))
        {
            // Results only, twice each (at-least-once delivery); the coordinator is never asked to dispatch.
            foreach (var result in results.Concat(results))
            {
                await coordinator.AcceptAsync(result, CancellationToken.None);
            }
        }

        Assert.Equal(3, metrics.Sum(Instruments.CellsCompleted));
        Assert.Equal(3, metrics.Sum(Instruments.CellsRedelivered));
        var batches = metrics.Of(Instruments.BatchSize);
        Assert.Equal(6, batches.Sum(b => b.Value));
        Assert.Equal(batches.Count, metrics.Of(Instruments.WriteLatency).Count);
        Assert.All(metrics.Of(Instruments.WriteLatency), w => Assert.Equal(Statuses.Ok, w.Tags[Attributes.Status]));
        Assert.All(metrics.Of(Instruments.CellsCompleted), m => Assert.Equal("unknown", m.Tags[Attributes.Model])); // no active sweep
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<(SweepOutcome Outcome, InProcessTransport Transport)> RunAsync(SweepPlan plan)
    {
        using var store = SweepStore.Open(Path.Combine(folder, "results.db"));
        var transport = new InProcessTransport(new CellWorker(DenseKernels.Managed, "embedded"));
        await using var coordinator = new SweepCoordinator(store, transport, new NullFinisher());
        transport.Coordinator = coordinator;
        using var sweep = StartSweep(plan.SweepId, plan.Name, plan.Model, plan.Cells.Count, 1);
        await coordinator.StartAsync(plan, failFast: false, CancellationToken.None);
        return (await coordinator.Completion(plan.SweepId).WaitAsync(Patience), transport);
    }
}
