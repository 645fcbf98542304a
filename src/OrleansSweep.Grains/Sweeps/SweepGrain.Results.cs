using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Cells;
using OrleansSweep.Grains.Hosting;

namespace OrleansSweep.Grains.Sweeps;

public sealed partial class SweepGrain
{
    public async Task<ResultPage> GetResultsAsync(int offset, int count)
    {
        if (plan is null && record.State.SpecJson is not null)
        {
            await LoadAsync(CancellationToken.None);
        }

        if (plan is null)
        {
            return new ResultPage(offset, 0, []);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var end = Math.Min(plan.Cells.Count, offset + Math.Clamp(count, 0, settings.MaxPageSize));
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cells);
        var asks = Enumerable.Range(offset, Math.Max(0, end - offset))
            .Where(progress!.IsDone)
            .Select(index => ResultOf(storage, index));
        var results = await Task.WhenAll(asks);
        return new ResultPage(offset, plan.Cells.Count, [.. results.OfType<CellAnalyzed>()]);
    }

    /// <summary>
    /// A counted cell's result, read from the cells' storage: a result is written once, before its cell reports, so
    /// the stored row is the cell grain's answer without activating the grain (measured: an activation per cell, and
    /// 100,000 idle activations after reading a 100,000-cell sweep). Asks the grain when nothing is stored.
    /// </summary>
    private async Task<CellAnalyzed?> ResultOf(IGrainStorage storage, int index)
    {
        var cell = CellOf(index);
        var state = new GrainState<CellRecord>();
        await storage.ReadStateAsync(CellGrain.StateName, cell.GetGrainId(), state);
        return state.State?.Result is { } result
            ? CellGrain.AddressedTo(result, SweepId, index)
            : await cell.GetResultAsync(SweepId, index);
    }
}
