using System.Diagnostics;
using OrleansSweep.Grains.Execution;

namespace OrleansSweep.Grains.Tests.Execution;

/// <summary>Idle time accrues per thread while it waits for a cell, and never while it works.</summary>
public sealed class IdleClockTests
{
    [Fact]
    public async Task Every_thread_is_idle_from_the_start_until_it_takes_a_cell()
    {
        var clock = new IdleClock(threads: 2);
        var waited = Stopwatch.StartNew(); // after the clock's start: the clock must count at least this, twice

        await Task.Delay(100);

        var elapsed = waited.Elapsed;
        Assert.True(clock.Total >= 2 * elapsed, $"{clock.Total.TotalMilliseconds} ms for 2 × {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Working_threads_add_nothing_and_a_waiting_thread_adds_its_wait()
    {
        var clock = new IdleClock(threads: 2);
        clock.Working(0);
        clock.Working(1);

        var whileWorking = clock.Total;
        await Task.Delay(50);
        Assert.Equal(whileWorking, clock.Total);

        clock.Waiting(1);
        var waited = Stopwatch.StartNew();
        await Task.Delay(50);
        var elapsed = waited.Elapsed;
        clock.Working(1);
        var afterOneWait = clock.Total;
        Assert.True(afterOneWait - whileWorking >= elapsed, $"{(afterOneWait - whileWorking).TotalMilliseconds} ms for {elapsed.TotalMilliseconds} ms");
        await Task.Delay(50);
        Assert.Equal(afterOneWait, clock.Total);
    }
}
