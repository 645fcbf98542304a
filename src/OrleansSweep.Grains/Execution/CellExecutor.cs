using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Contracts;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Grains.Execution;

/// <summary>
/// Computes cells on this silo's own threads, off the grain scheduler and off the shared thread pool, from a bounded
/// queue. When fewer cells than threads are running, the idle threads' share goes to the running cells: their
/// realisations run in parallel, and (when <see cref="CellExecutorOptions.ShareIdleCoresWithBlas"/> is on) a lone cell
/// with fewer realisations than cores gets the rest as BLAS threads.
/// </summary>
/// <remarks>
/// Why dedicated threads: a cell computed inside a grain turn blocks its grain for the whole computation, and an
/// unbounded <c>Task.Run</c> per cell starves Orleans' own work (measured: the silo reported itself degraded). With
/// <see cref="CellExecutorOptions.Threads"/> threads the CPU-bound work never exceeds the cores, and the pool stays
/// free for messaging, storage and timers. BLAS threads (OpenBLAS: one process-wide setting) are raised only while a
/// single cell runs and nothing waits, and set back to one before a second cell starts; see <see cref="BlasShare"/>.
/// </remarks>
public sealed partial class CellExecutor : IDisposable
{
    private readonly BlockingCollection<WorkItem> queue;
    private readonly CellWorker[] workersByParallelism;
    private readonly Thread[] threads;
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger<CellExecutor> logger;
    private readonly SemaphoreSlim room = new(0, 1); // a signal, not a count: a burst of finished cells wakes the puller once
    private int busy;
    private readonly ConcurrentDictionary<string, long> starting = new(StringComparer.Ordinal);
    private readonly BlasShare blas;
    private long computed;

    public CellExecutor(IOptions<CellExecutorOptions> options, ILogger<CellExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.Threads < 1 || settings.QueueCapacity < 1)
        {
            throw new ArgumentException($"Cell executor needs Threads ≥ 1 and QueueCapacity ≥ 1 (got {settings.Threads}, {settings.QueueCapacity}).", nameof(options));
        }

        this.logger = logger;
        WorkerName = settings.WorkerName;
        queue = new BlockingCollection<WorkItem>(settings.QueueCapacity);
        blas = new BlasShare(DenseKernels.Default, settings.ShareIdleCoresWithBlas);
        workersByParallelism = [.. Enumerable.Range(1, settings.Threads).Select(p => new CellWorker(DenseKernels.Default, settings.WorkerName, p))];
        Idle = new IdleClock(settings.Threads);
        threads = [.. Enumerable.Range(0, settings.Threads).Select(i => new Thread(() => RunLoop(i)) { IsBackground = true, Name = $"cell-executor-{i}" })];
        // Without the caller's execution context: the executor is created inside some grain call, whose span would
        // otherwise stay Activity.Current on these threads for the silo's life.
        using (ExecutionContext.SuppressFlow())
        {
            foreach (var thread in threads)
            {
                thread.Start();
            }
        }
    }

    /// <summary>The name results carry as their worker.</summary>
    public string WorkerName { get; }

    /// <summary>Threads, i.e. cells computed at once.</summary>
    public int Threads => threads.Length;

    /// <summary>Cells being computed right now.</summary>
    public int Busy => Volatile.Read(ref busy);

    /// <summary>Cells waiting for a thread.</summary>
    public int Queued => queue.Count;

    /// <summary>How long the threads have waited with no cell to run (summed over threads).</summary>
    public IdleClock Idle { get; }

    /// <summary>Cells computed since the silo started (cancelled ones excluded).</summary>
    public long Computed => Interlocked.Read(ref computed);

    /// <summary>Cells taken for this silo whose grains have not queued them yet (one-way starts in transit).</summary>
    public int Starting
    {
        get
        {
            // A start that never arrives (the cell was already stored, or its grain lives elsewhere) stops counting after 2 s.
            var stale = Stopwatch.GetTimestamp() - (2 * Stopwatch.Frequency);
            foreach (var (cellId, since) in starting)
            {
                if (since < stale)
                {
                    starting.TryRemove(cellId, out _);
                }
            }

            return starting.Count;
        }
    }

    /// <summary>Counts a cell taken for this silo until its grain queues it here.</summary>
    public void NoteStarting(string cellId) => starting[cellId] = Stopwatch.GetTimestamp();

    /// <summary>Completes when a cell finishes (there is room), or after <paramref name="timeout"/>.</summary>
    public async Task WaitForRoomAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await room.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Queues a cell; the task completes with its result, or null when <paramref name="cancellationToken"/> stopped it.
    /// </summary>
    public Task<CellAnalyzed?> RunAsync(AnalyzeCell work, CancellationToken cancellationToken)
    {
        starting.TryRemove(work.CellId, out _);
        var item = new WorkItem(work, cancellationToken, new TaskCompletionSource<CellAnalyzed?>(TaskCreationOptions.RunContinuationsAsynchronously), Stopwatch.GetTimestamp());
        // Blocks only while the bounded queue is full, and then on a pool thread, never the grain scheduler's.
        return queue.TryAdd(item) ? item.Completion.Task : EnqueueWhenRoomAsync(item);
    }

    public void Dispose()
    {
        stopping.Cancel();
        queue.CompleteAdding();
        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        while (queue.TryTake(out var left))
        {
            left.Completion.TrySetResult(null);
        }

        blas.Release();
        queue.Dispose();
        stopping.Dispose();
        room.Dispose();
    }

    private async Task<CellAnalyzed?> EnqueueWhenRoomAsync(WorkItem item)
    {
        await Task.Run(() => queue.Add(item, item.Cancellation), item.Cancellation).ConfigureAwait(false);
        return await item.Completion.Task.ConfigureAwait(false);
    }

    private void RunLoop(int thread)
    {
        try
        {
            foreach (var item in queue.GetConsumingEnumerable(stopping.Token))
            {
                Idle.Working(thread);
                Run(item);
                Idle.Waiting(thread);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping; queued cells are answered with null in Dispose.
        }
    }

    private void Run(WorkItem item)
    {
        var running = Interlocked.Increment(ref busy);
        if (running > 1)
        {
            blas.Release(); // another cell is running now: a lone cell's BLAS threads would oversubscribe the cores
        }

        SweepTelemetry.RecordQueueWait(WorkerName, Stopwatch.GetElapsedTime(item.EnqueuedAt));
        var sharedBlas = false;
        try
        {
            if (item.Cancellation.IsCancellationRequested)
            {
                item.Completion.TrySetResult(null);
                return;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(item.Cancellation, stopping.Token);
            var worker = WorkerFor(running, out var parallelism);
            if (parallelism > 1 && running == 1)
            {
                sharedBlas = blas.TryShare(item, item.Work.CellJson, parallelism, () => Volatile.Read(ref busy) == 1 && queue.Count == 0);
            }

            var result = worker.Analyze(item.Work, linked.Token);
            if (result is not null)
            {
                Interlocked.Increment(ref computed);
            }

            item.Completion.TrySetResult(result);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogCellCrashed(logger, exception, item.Work.CellId);
            item.Completion.TrySetException(exception);
        }
        finally
        {
            if (sharedBlas)
            {
                blas.Release(item);
            }

            Interlocked.Decrement(ref busy);
            SignalRoom();
        }
    }

    private void SignalRoom()
    {
        try
        {
            room.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    /// <summary>The idle threads' share goes to this cell when nothing else is waiting (a sweep's tail, one big cell).</summary>
    private CellWorker WorkerFor(int running, out int parallelism)
    {
        var idle = queue.Count == 0 ? Math.Max(0, threads.Length - running) : 0;
        parallelism = Math.Min(idle, workersByParallelism.Length - 1) + 1;
        return workersByParallelism[parallelism - 1];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The cell executor crashed on cell {CellId}")]
    private static partial void LogCellCrashed(ILogger logger, Exception exception, string cellId);

    private sealed record WorkItem(AnalyzeCell Work, CancellationToken Cancellation, TaskCompletionSource<CellAnalyzed?> Completion, long EnqueuedAt);
}
