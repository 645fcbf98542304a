namespace OrleansSweep.Cluster;

/// <summary>Endpoint names shared by every silo and client of a cluster.</summary>
public static class QueueNames
{
    /// <summary>Competing-consumer queue of cell commands: every worker silo reads it.</summary>
    public const string AnalyzeCell = "orleanssweep-analyze-cell";

    /// <summary>The coordinator's queue of cell results (sent, not published, so none is lost before it exists).</summary>
    public const string CellResults = "orleanssweep-cell-results";

    /// <summary>The coordinator's queue of commands and queries from clients (submit, cancel, status, results).</summary>
    public const string Coordinator = "orleanssweep-coordinator";

    internal static Uri Queue(string name) => new($"queue:{name}");
}
