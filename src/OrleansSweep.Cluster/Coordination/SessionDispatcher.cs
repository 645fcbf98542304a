using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>
/// One sweep run's dispatcher: announces the dispatch (so workers drop superseded commands), sends the cells in
/// chunks, retries while the broker is away, and counts the cells it sent.
/// </summary>
/// <remarks>
/// The announcement is stamped once, before the first chunk, so every command of this run is newer than it. A
/// chunk that failed half-way is sent again whole: a duplicate command costs a recomputation the store drops,
/// a missing one would stall the sweep. Retries stop only when the run is cancelled.
/// </remarks>
internal sealed partial class SessionDispatcher(BusCellDispatcher bus, ILogger logger) : ICellDispatcher
{
    private const int Chunk = 500;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private int dispatched;

    /// <summary>Cells sent by this run (each counted once, whatever the retries).</summary>
    public int Dispatched => Volatile.Read(ref dispatched);

    public async Task DispatchAsync(IReadOnlyList<AnalyzeCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var sweep in cells.GroupBy(c => c.SweepId))
        {
            var epoch = DateTime.UtcNow;
            await RetryAsync(() => bus.AnnounceAsync(sweep.Key, epoch, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var chunk in sweep.Chunk(Chunk))
            {
                await RetryAsync(() => bus.SendAsync(chunk, cancellationToken), cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref dispatched, chunk.Length);
            }
        }
    }

    public Task CancelAsync(Guid sweepId, CancellationToken cancellationToken) =>
        RetryAsync(() => bus.CancelAsync(sweepId, cancellationToken), cancellationToken);

    private async Task RetryAsync(Func<Task> send, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await send().ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogRetry(logger, backoff.TotalSeconds, exception.Message);
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to the broker failed; retrying in {Seconds} s: {Reason}")]
    private static partial void LogRetry(ILogger logger, double seconds, string reason);
}
