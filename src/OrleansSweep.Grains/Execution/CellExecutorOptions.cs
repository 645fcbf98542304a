namespace OrleansSweep.Grains.Execution;

/// <summary>Settings of a silo's <see cref="CellExecutor"/>.</summary>
public sealed class CellExecutorOptions
{
    /// <summary>Cells computed at once on this silo, each on a dedicated thread; default: one per core.</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>Cells waiting for a thread before a new one must wait to be queued (the queue is bounded).</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// When one cell runs alone with fewer realisations than idle cores, the cores left over become BLAS threads
    /// inside its calls (OpenBLAS only; set back to one before another cell starts). Default on.
    /// </summary>
    public bool ShareIdleCoresWithBlas { get; set; } = true;

    /// <summary>Name of this silo in results and telemetry (<c>CellAnalyzed.Worker</c>).</summary>
    public string WorkerName { get; set; } = Environment.MachineName;
}
