using MassTransit;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Cluster;

/// <summary>
/// Hands cells to the workers' competing-consumer queue; broadcasts dispatch announcements and cancellations to
/// every worker.
/// </summary>
/// <remarks>
/// <para>Takes the singleton <see cref="IBus"/>: the scoped send/publish providers must not be captured by a singleton.</para>
/// <para>Each cell command carries its sweep span's context in <see cref="SweepTelemetry.SweepContextHeader"/>, so the
/// worker's cell span (a trace of its own) links to the sweep span on another machine. No header when this process
/// knows no span for the sweep (telemetry off).</para>
/// </remarks>
internal sealed class BusCellDispatcher(IBus bus) : ICellDispatcher
{
    private const int SendBatch = 500;

    public async Task DispatchAsync(IReadOnlyList<AnalyzeCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var sweep in cells.GroupBy(c => c.SweepId))
        {
            await AnnounceAsync(sweep.Key, DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
            foreach (var chunk in sweep.Chunk(SendBatch))
            {
                await SendAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task CancelAsync(Guid sweepId, CancellationToken cancellationToken) =>
        bus.Publish(new CancelSweep(sweepId), cancellationToken);

    /// <summary>Tells the workers that commands of the sweep sent before <paramref name="epochUtc"/> are superseded.</summary>
    public Task AnnounceAsync(Guid sweepId, DateTime epochUtc, CancellationToken cancellationToken) =>
        bus.Publish(new CellsDispatched(sweepId, epochUtc), cancellationToken);

    public async Task SendAsync(IReadOnlyList<AnalyzeCell> cells, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(QueueNames.Queue(QueueNames.AnalyzeCell)).ConfigureAwait(false);
        await endpoint.SendBatch(cells, Pipe.Execute<SendContext<AnalyzeCell>>(StampSweepContext), cancellationToken).ConfigureAwait(false);
    }

    private static void StampSweepContext(SendContext<AnalyzeCell> context)
    {
        if (SweepTelemetry.ToTraceParent(SweepTelemetry.SweepContextOf(context.Message.SweepId)) is { } traceParent)
        {
            context.Headers.Set(SweepTelemetry.SweepContextHeader, traceParent);
        }
    }
}
