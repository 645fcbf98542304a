using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>
/// The embedded shape without a message bus: dispatched cells go to a <see cref="CellWorker"/> on the thread pool and
/// their results back to the coordinator. Notes whether a span was ambient while the coordinator dispatched.
/// </summary>
internal sealed class InProcessTransport(ICellWorker worker) : ICellDispatcher
{
    private readonly List<Task> running = [];

    public SweepCoordinator? Coordinator { get; set; }

    public System.Diagnostics.Activity? AmbientAtDispatch { get; private set; }

    public Task DispatchAsync(IReadOnlyList<AnalyzeCell> cells, CancellationToken cancellationToken)
    {
        AmbientAtDispatch = System.Diagnostics.Activity.Current;
        lock (running)
        {
            running.AddRange(cells.Select(cell => Task.Run(async () =>
            {
                var result = await worker.AnalyzeAsync(cell, cancellationToken);
                if (result is not null)
                {
                    await Coordinator!.AcceptAsync(result, cancellationToken);
                }
            }, cancellationToken)));
        }

        return Task.CompletedTask;
    }

    public Task CancelAsync(Guid sweepId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A finisher that writes nothing (the outputs are not under test here).</summary>
internal sealed class NullFinisher : ISweepFinisher
{
    public Task<string> FinishAsync(SweepPlan plan, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken) =>
        Task.FromResult(Path.Combine(plan.OutputFolder, "phase_map.parquet"));
}
