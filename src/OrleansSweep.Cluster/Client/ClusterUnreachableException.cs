namespace OrleansSweep.Cluster.Client;

/// <summary>The client cannot talk to the cluster: the broker does not answer or refuses the login.</summary>
public sealed class ClusterUnreachableException : Exception
{
    public ClusterUnreachableException()
    {
    }

    public ClusterUnreachableException(string message)
        : base(message)
    {
    }

    public ClusterUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What to do about it, phrased for the command line.</summary>
    public string Fix { get; init; } = "";
}
