namespace OrleansSweep.Cluster.Coordination;

/// <summary>The coordinator's data folder: <c>sweeps.db</c> (the durable store) and one output folder per sweep id.</summary>
internal sealed class CoordinatorPaths(string dataFolder)
{
    public string DataFolder { get; } = Path.GetFullPath(dataFolder);

    public string StorePath => Path.Combine(DataFolder, "sweeps.db");

    public string OutputFolder(Guid sweepId) => Path.Combine(DataFolder, sweepId.ToString("D"));
}
