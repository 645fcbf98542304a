namespace OrleansSweep.Client;

/// <summary>Process exit codes of the sweep command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The sweep ran but at least one cell failed (results are still written).</summary>
    public const int CellsFailed = 1;

    /// <summary>The spec or the command line is invalid; nothing was computed.</summary>
    public const int InvalidInput = 2;

    /// <summary>Cluster commands: the cluster (its Redis or every gateway) cannot be reached, or did not answer in time.</summary>
    public const int Unreachable = 3;

    /// <summary>Cluster commands: the cluster does not know the sweep id.</summary>
    public const int NotFound = 4;

    /// <summary>Cluster commands: results were asked for a sweep that has not completed.</summary>
    public const int NotReady = 5;

    /// <summary>Interrupted (Ctrl-C) or cancelled; finished cells are stored and a re-run resumes.</summary>
    public const int Interrupted = 130;
}
