using System.Diagnostics;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;

namespace OrleansSweep.Grains.Tests.Support;

internal static class Polling
{
    /// <summary>Waits (bounded) until the sweep is finished; fails the test with its last status otherwise.</summary>
    public static async Task<SweepStatus> UntilFinishedAsync(SweepClient client, Guid sweepId, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            return await client.WaitAsync(sweepId, _ => { }, TimeSpan.FromMilliseconds(50), timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var status = await client.StatusAsync(sweepId);
            throw new TimeoutException($"sweep not finished after {patience}: {status}");
        }
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; returns how long it took.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<bool> condition, TimeSpan patience, string what, Func<string>? state = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > patience)
            {
                throw new TimeoutException($"{what}: not within {patience}{(state is null ? "" : ": " + state())}");
            }

            await Task.Delay(10);
        }

        return clock.Elapsed;
    }
}
