namespace OrleansSweep.Cluster;

/// <summary>Endpoint names shared by every silo and client of a cluster.</summary>
public static class QueueNames
{
    /// <summary>Competing-consumer queue of cell commands: every worker silo reads it.</summary>
    public const string AnalyzeCell = "orleanssweep-analyze-cell";

    /// <summary>The coordinator's queue of cell results.</summary>
    public const string CellResults = "orleanssweep-cell-results";
}
