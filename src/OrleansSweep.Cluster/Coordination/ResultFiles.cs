using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>Packs a completed sweep's output folder into a <see cref="SweepResults"/>, or says why it cannot yet.</summary>
internal static class ResultFiles
{
    public static SweepResults Collect(Guid sweepId, StoredSweep? stored, SweepStore store, string folder)
    {
        if (stored is null)
        {
            return NotReady(sweepId, null, $"the coordinator does not know sweep {sweepId}; check the id (sweep submit prints it)");
        }

        if (stored.State != "completed")
        {
            var done = store.CountByStatus(sweepId).Values.Sum();
            return NotReady(sweepId, stored,
                $"sweep {sweepId} is {stored.State} ({done}/{stored.CellCount} cells recorded); results exist once it completes — follow it with `sweep watch {sweepId}`"
                + (stored.State is "cancelled" or "failed" ? ", or resubmit the same spec to resume it" : ""));
        }

        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(path => !Path.GetFileName(path).Contains(".tmp", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(path => new ResultFile(Path.GetFileName(path), File.ReadAllBytes(path)))
                .ToList()
            : [];
        return files.Count == 0
            ? NotReady(sweepId, stored, $"sweep {sweepId} completed but its outputs are missing from {folder} on the coordinator; resubmit the spec to write them again")
            : new SweepResults(sweepId, true, null, stored.Fingerprint, stored.SpecJson, files);
    }

    private static SweepResults NotReady(Guid sweepId, StoredSweep? stored, string reason) =>
        new(sweepId, false, reason, stored?.Fingerprint, stored?.SpecJson, []);
}
