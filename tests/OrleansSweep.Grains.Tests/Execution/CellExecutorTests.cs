using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansSweep.Grains.Execution;
using OrleansSweep.Grains.Tests.Support;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Grains.Tests.Execution;

/// <summary>The executor gives idle cores to a lone cell: realisations first, then BLAS threads, never oversubscribed.</summary>
[Collection(nameof(BlasThreadsCollection))] // the BLAS thread count is process-wide
public sealed class CellExecutorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_lone_single_realisation_cell_gets_the_idle_cores_as_blas_threads_until_another_cell_starts()
    {
        var kernels = Assert.IsType<OpenBlasDenseKernels>(DenseKernels.Default); // the product's kernels on this machine
        var cells = SweepPlanner.Plan(GrainSpecs.Slow("blas-share", 2), string.Empty, CancellationToken.None).Cells;
        using var executor = Executor(threads: 2, share: true);
        using var cancel = new CancellationTokenSource();

        var first = executor.RunAsync(cells[0].Command, cancel.Token);
        await Polling.UntilAsync(() => kernels.Threads == 2, Patience, "a lone cell of one realisation gets 2 BLAS threads");
        var second = executor.RunAsync(cells[1].Command, cancel.Token);
        await Polling.UntilAsync(() => executor.Busy == 2, Patience, "the second cell starts");

        Assert.Equal(1, kernels.Threads); // two cells on two cores: one BLAS thread each
        await cancel.CancelAsync();
        Assert.Null(await first.WaitAsync(Patience));
        Assert.Null(await second.WaitAsync(Patience));
        Assert.Equal(1, kernels.Threads);
    }

    [Fact]
    public async Task Blas_threads_stay_at_one_when_sharing_is_off_or_the_realisations_fill_the_cores()
    {
        var kernels = Assert.IsType<OpenBlasDenseKernels>(DenseKernels.Default);
        var single = SweepPlanner.Plan(GrainSpecs.Slow("blas-off", 2), string.Empty, CancellationToken.None).Cells[0];
        using (var executor = Executor(threads: 2, share: false))
        {
            using var cancel = new CancellationTokenSource();
            var run = executor.RunAsync(single.Command, cancel.Token);
            await Polling.UntilAsync(() => executor.Busy == 1, Patience, "the cell starts");
            await Task.Delay(200); // time to (wrongly) raise it
            Assert.Equal(1, kernels.Threads);
            await cancel.CancelAsync();
            await run.WaitAsync(Patience);
        }

        Assert.Equal(1, BlasThreads.Share(cores: 2, realizations: 2));
        Assert.Equal(1, BlasThreads.Share(cores: 2, realizations: 4));
        Assert.Equal(2, BlasThreads.Share(cores: 2, realizations: 1));
        Assert.Equal(2, BlasThreads.Share(cores: 4, realizations: 2));
        Assert.Equal(1, BlasThreads.Share(cores: 4, realizations: 3));
    }

    private static CellExecutor Executor(int threads, bool share) =>
        new(Options.Create(new CellExecutorOptions { Threads = threads, WorkerName = "test", ShareIdleCoresWithBlas = share }), NullLogger<CellExecutor>.Instance);
}

[CollectionDefinition(nameof(BlasThreadsCollection), DisableParallelization = true)]
public sealed class BlasThreadsCollection;
