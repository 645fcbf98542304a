using OrleansSweep.Cluster.Workers;

namespace OrleansSweep.Cluster.Tests.Workers;

public sealed class SweepFencesTests
{
    private static readonly DateTime T0 = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly Guid sweep = Guid.NewGuid();
    private readonly SweepFences fences = new();

    [Fact]
    public void A_cancel_stops_cells_sent_before_it_and_not_those_sent_after()
    {
        using var older = fences.Enter(sweep, T0, CancellationToken.None);
        using var newer = fences.Enter(sweep, T0.AddSeconds(2), CancellationToken.None);

        fences.Cancel(sweep, T0.AddSeconds(1));

        Assert.True(older.Token.IsCancellationRequested);
        Assert.False(newer.Token.IsCancellationRequested);
        Assert.True(fences.IsStale(sweep, T0.AddMilliseconds(999)));
        Assert.False(fences.IsStale(sweep, T0.AddSeconds(1)));
        using var late = fences.Enter(sweep, T0.AddMilliseconds(500), CancellationToken.None);
        Assert.True(late.Token.IsCancellationRequested); // a command that raced past the stale check still stops
    }

    [Fact]
    public void A_dispatch_supersedes_queued_commands_but_lets_running_cells_finish()
    {
        using var running = fences.Enter(sweep, T0, CancellationToken.None);

        fences.Supersede(sweep, T0.AddSeconds(1));

        Assert.False(running.Token.IsCancellationRequested);
        Assert.True(fences.IsStale(sweep, T0));
        Assert.False(fences.IsStale(sweep, T0.AddSeconds(1)));
        using var entered = fences.Enter(sweep, T0, CancellationToken.None);
        Assert.False(entered.Token.IsCancellationRequested);
    }

    [Fact]
    public void Fences_only_ever_move_forward()
    {
        fences.Cancel(sweep, T0.AddSeconds(5));
        fences.Supersede(sweep, T0.AddSeconds(1)); // a late, older announcement

        Assert.True(fences.IsStale(sweep, T0.AddSeconds(4)));
        using var cell = fences.Enter(sweep, T0.AddSeconds(4), CancellationToken.None);
        Assert.True(cell.Token.IsCancellationRequested);
    }

    [Fact]
    public void Other_sweeps_are_untouched()
    {
        var other = Guid.NewGuid();
        using var cell = fences.Enter(other, T0, CancellationToken.None);

        fences.Cancel(sweep, T0.AddSeconds(1));

        Assert.False(cell.Token.IsCancellationRequested);
        Assert.False(fences.IsStale(other, T0));
    }

    [Fact]
    public void An_unknown_send_time_is_never_stale_but_a_cancel_stops_it()
    {
        fences.Supersede(sweep, T0);
        Assert.False(fences.IsStale(sweep, null));
        using var before = fences.Enter(sweep, null, CancellationToken.None);
        Assert.False(before.Token.IsCancellationRequested);

        fences.Cancel(sweep, T0);

        Assert.True(before.Token.IsCancellationRequested);
    }

    [Fact]
    public void Running_cells_are_counted_by_sweep_until_their_scope_ends()
    {
        var other = Guid.NewGuid();
        var first = fences.Enter(sweep, T0, CancellationToken.None);
        using var second = fences.Enter(sweep, T0, CancellationToken.None);
        using var third = fences.Enter(other, T0, CancellationToken.None);
        Assert.Equal(2, fences.RunningBySweep()[sweep]);

        first.Dispose();

        Assert.Equal(1, fences.RunningBySweep()[sweep]);
        Assert.Equal(1, fences.RunningBySweep()[other]);
    }

    [Fact]
    public void A_host_shutdown_cancels_through_the_outer_token()
    {
        using var shutdown = new CancellationTokenSource();
        using var cell = fences.Enter(sweep, T0, shutdown.Token);

        shutdown.Cancel();

        Assert.True(cell.Token.IsCancellationRequested);
        Assert.False(fences.IsStale(sweep, T0)); // shutdown is no fence: the command goes back to the broker
    }
}
