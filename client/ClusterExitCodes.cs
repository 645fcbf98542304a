namespace OrleansSweep.Client;

/// <summary>Exit codes of the cluster commands, beyond <see cref="ExitCodes"/>.</summary>
internal static class ClusterExitCodes
{
    /// <summary>The broker cannot be reached or refuses the login, or no coordinator answered.</summary>
    public const int Unreachable = 3;

    /// <summary>The coordinator does not know the sweep id.</summary>
    public const int NotFound = 4;

    /// <summary>Results were asked for a sweep that has not completed.</summary>
    public const int NotReady = 5;
}
