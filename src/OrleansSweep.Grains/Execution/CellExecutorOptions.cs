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
    /// inside its calls (OpenBLAS only; set back to one before another cell starts). Default off: measured on a
    /// shared, loaded 2-core machine, a one-realisation N = 256 Lyapunov cell took 1.5–1.7× longer with the second
    /// BLAS thread (OpenBLAS's threads wait for each other at every call, and the "idle" core belonged to other
    /// processes); turn it on where the cores are really idle (benchmarks/README.md).
    /// </summary>
    public bool ShareIdleCoresWithBlas { get; set; }

    /// <summary>Name of this silo in results and telemetry (<c>CellAnalyzed.Worker</c>).</summary>
    public string WorkerName { get; set; } = Environment.MachineName;
}
