namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>The cluster tests run one at a time: each starts Redis and silo processes, and 2 cores are all there is.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "real cluster processes";
}
