using OrleansSweep.Contracts;

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
        var asks = Enumerable.Range(offset, Math.Max(0, end - offset))
            .Where(progress!.IsDone)
            .Select(index => CellOf(index).GetResultAsync(SweepId, index));
        var results = await Task.WhenAll(asks);
        return new ResultPage(offset, plan.Cells.Count, [.. results.OfType<CellAnalyzed>()]);
    }
}
