using OrleansSweep.Contracts;

namespace OrleansSweep.Grains.Sweeps;

public sealed partial class SweepGrain
{
    /// <summary>A page of counted results by ordinal (grid order; a refined sweep's rounds in order).</summary>
    public async Task<ResultPage> GetResultsAsync(int offset, int count)
    {
        if (plan is null && record.State.SpecJson is not null)
        {
            await LoadAsync(CancellationToken.None);
        }

        if (schedule is null)
        {
            return new ResultPage(offset, 0, []);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var end = Math.Min(schedule.Count, offset + Math.Clamp(count, 0, settings.MaxPageSize));
        var stored = StoredCells();
        var asks = Enumerable.Range(offset, Math.Max(0, end - offset))
            .Where(schedule.IsDone)
            .Select(ordinal => ResultOf(stored, ordinal));
        var results = await Task.WhenAll(asks);
        return new ResultPage(offset, schedule.Count, [.. results.OfType<CellAnalyzed>()]);
    }

    /// <summary>A counted cell's stored result; asks the cell grain when nothing is stored.</summary>
    private async Task<CellAnalyzed?> ResultOf(StoredCells stored, int ordinal)
    {
        var command = schedule!.CellAt(ordinal).Command;
        return await stored.ReadAsync(command.CellId, SweepId, command.CellIndex)
            ?? await CellOf(ordinal).GetResultAsync(SweepId, command.CellIndex);
    }
}
