using System.Diagnostics;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Grains.Client;

/// <summary>
/// What a client does with a sweep grain: start it, follow it, stop it and read its results page by page. The
/// embedded run and a cluster client share it, and both write the outputs on their own side from the pages.
/// </summary>
public sealed class SweepClient(IGrainFactory grains)
{
    /// <summary>Cells per result page.</summary>
    public const int PageSize = 512;

    /// <summary>Starts (or resumes) the sweep of a validated spec; returns at once.</summary>
    public Task<SweepStatus> StartAsync(ValidatedSweep sweep, bool failFast)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var id = SweepPlanner.SweepIdOf(sweep.Fingerprint);
        var traceParent = Activity.Current is { } span ? span.Id : null;
        return Sweep(id).StartAsync(new StartSweep(id, sweep.CanonicalJson, failFast, traceParent));
    }

    public Task<SweepStatus> StatusAsync(Guid sweepId) => Sweep(sweepId).GetStatusAsync();

    /// <summary>The status, asked again (bounded) while the sweep grain's silo is dying and the grain moves.</summary>
    public async Task<SweepStatus> StatusRetryingAsync(Guid sweepId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StatusAsync(sweepId).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && attempt < MaxFailedPolls)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task<SweepStatus> CancelAsync(Guid sweepId, string reason) => Sweep(sweepId).CancelAsync(reason);

    /// <summary>Failed polls in a row before <see cref="StatusRetryingAsync"/> (and so WaitAsync) gives up (a gateway or the sweep grain's silo died:
    /// the client moves to another gateway and the grain re-activates elsewhere, which takes seconds, not minutes).</summary>
    public const int MaxFailedPolls = 20;

    /// <summary>Polls the sweep until it completes or stops, reporting every status seen; rides out a dead silo.</summary>
    public Task<SweepStatus> WaitAsync(Guid sweepId, Action<SweepStatus> onProgress, TimeSpan pollEvery, CancellationToken cancellationToken) =>
        WaitAsync(sweepId, onProgress, _ => pollEvery, cancellationToken);

    /// <summary>As above, with the wait before the next poll chosen from the last status seen.</summary>
    public async Task<SweepStatus> WaitAsync(
        Guid sweepId, Action<SweepStatus> onProgress, Func<SweepStatus, TimeSpan> pollAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onProgress);
        ArgumentNullException.ThrowIfNull(pollAfter);
        while (true)
        {
            var status = await StatusRetryingAsync(sweepId, cancellationToken).ConfigureAwait(false);
            onProgress(status);
            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(pollAfter(status), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every stored result of the sweep, in grid order.</summary>
    public async Task<IReadOnlyList<CellAnalyzed>> ReadResultsAsync(Guid sweepId, CancellationToken cancellationToken)
    {
        var results = new List<CellAnalyzed>();
        var total = int.MaxValue;
        for (var offset = 0; offset < total; offset += PageSize)
        {
            var page = await Sweep(sweepId).GetResultsAsync(offset, PageSize).WaitAsync(cancellationToken).ConfigureAwait(false);
            total = page.Total;
            results.AddRange(page.Results);
        }

        return results;
    }

    private ISweepGrain Sweep(Guid sweepId) => grains.Sweep(sweepId);
}
