namespace OrleansSweep.Cluster.Workers;

/// <summary>A worker silo's counters, reported in its heartbeats (and read by tests).</summary>
public sealed class WorkerActivity
{
    private long computed;
    private long dropped;

    /// <summary>Cells computed (a result was sent) since the silo started.</summary>
    public long CellsComputed => Interlocked.Read(ref computed);

    /// <summary>Commands dropped because their sweep was cancelled or redispatched.</summary>
    public long CommandsDropped => Interlocked.Read(ref dropped);

    internal void Computed() => Interlocked.Increment(ref computed);

    internal void Dropped() => Interlocked.Increment(ref dropped);
}
