using OrleansSweep.Contracts;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>The answers to <c>sweep status</c> and <c>sweep results</c>.</summary>
internal sealed partial class SweepSessions
{
    public SweepStatus Status(Guid sweepId)
    {
        string? rejection;
        lock (gate)
        {
            rejection = rejected.GetValueOrDefault(sweepId);
        }

        return SweepStatusReport.Build(sweepId, store, Find(sweepId), rejection, silos, options.NodeName);
    }

    public SweepResults Results(Guid sweepId) =>
        ResultFiles.Collect(sweepId, store.FindSweep(sweepId), store, paths.OutputFolder(sweepId));
}
