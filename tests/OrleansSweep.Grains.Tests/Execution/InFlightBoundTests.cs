using OrleansSweep.Grains.Execution;

namespace OrleansSweep.Grains.Tests.Execution;

/// <summary>The puller's bound: one waiting cell per silo for real cells, a bounded batch for cells shorter than a pull.</summary>
public sealed class InFlightBoundTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void Cells_longer_than_a_pull_or_than_a_few_milliseconds_keep_one_waiting_and_pull_for_every_free_slot(int threads)
    {
        foreach (var (cell, roundTrip) in new[] { (0.3, 0.001), (60.0, 0.002), (0.001, 0.001), (0.3, 2.0), (InFlightBound.MaxBatchedCellSeconds, 1.0) })
        {
            Assert.Equal(new InFlightBound(threads + 1, 1), InFlightBound.For(threads, cell, roundTrip));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void Before_anything_is_measured_the_bound_is_the_one_for_real_cells(int threads)
    {
        Assert.Equal(new InFlightBound(threads + 1, 1), InFlightBound.For(threads, 0, 0));
        Assert.Equal(new InFlightBound(threads + 1, 1), InFlightBound.For(threads, 0, 0.001));
        Assert.Equal(new InFlightBound(threads + 1, 1), InFlightBound.For(threads, 0.0001, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void Short_cells_get_two_round_trips_of_work_and_pull_in_batches(int threads)
    {
        // 0.1 ms cells, 0.5 ms pulls: two round trips are 10 cells per thread.
        var bound = InFlightBound.For(threads, 0.0001, 0.0005);

        Assert.Equal(threads + 1 + (10 * threads), bound.Capacity);
        Assert.Equal(1 + (5 * threads), bound.PullAt);
        Assert.InRange(bound.PullAt, 1, bound.Capacity - threads);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void However_short_the_cells_or_slow_the_pulls_the_extra_stays_bounded(int threads)
    {
        var most = threads + 1 + (InFlightBound.MaxExtraPerThread * threads);
        foreach (var (cell, roundTrip) in new[] { (1e-9, 10.0), (double.Epsilon, 1.0), (1e-6, double.PositiveInfinity), (1e-6, double.MaxValue), (1e-300, 1e300) })
        {
            var bound = InFlightBound.For(threads, cell, roundTrip);
            Assert.Equal(most, bound.Capacity);
            Assert.InRange(bound.PullAt, 1, bound.Capacity);
        }
    }

    [Fact]
    public void Not_a_number_timings_leave_the_bound_for_real_cells()
    {
        Assert.Equal(new InFlightBound(3, 1), InFlightBound.For(2, double.NaN, 0.001));
        Assert.Equal(new InFlightBound(3, 1), InFlightBound.For(2, 0.0001, double.NaN));
    }
}
