using System.Net;

namespace OrleansSweep.Hosting;

/// <summary>
/// The settings of a cluster silo or client, bound from the <c>OrleansSweep:Cluster</c> section (appsettings.json,
/// <c>OrleansSweep__Cluster__*</c> environment variables, command line).
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "OrleansSweep:Cluster";

    /// <summary>The Redis that holds membership, grain state and reminders: a StackExchange.Redis configuration string.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>The cluster's id: silos and clients with the same id form one cluster. Use a fresh one per deployment.</summary>
    public string ClusterId { get; set; } = "orleanssweep";

    /// <summary>The service's id: stays the same across deployments (keys stored state and reminders).</summary>
    public string ServiceId { get; set; } = "orleanssweep";

    /// <summary>The address other silos and clients reach this silo at (default: loopback).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Cells computed at once on this silo (default: one per core).</summary>
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>This silo's name in results and status (default: host name and silo port).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Declare a dead silo dead in about 2 s (1 s probes, 2 missed probes, 1 vote) instead of Orleans' defaults
    /// (about 10–15 s measured), and let its cells start elsewhere about 2 s later (the directory's lease on a dead silo's
    /// grains, SweepClusterExtensions.DeadSiloLeaseFor). Right for a few machines on one network; false restores the defaults.
    /// </summary>
    public bool FastFailureDetection { get; set; } = true;

    /// <summary>The Orleans Dashboard's and health endpoint's port; 0 turns both off.</summary>
    public int DashboardPort { get; set; }

    /// <summary>The interface the dashboard binds to (default loopback: keep it off public interfaces).</summary>
    public string DashboardHost { get; set; } = "127.0.0.1";

    /// <summary>The problems of these settings, each naming the setting and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Redis))
        {
            problems.Add("Redis is empty: set it to host:port of the cluster's Redis, e.g. 127.0.0.1:6379");
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            problems.Add("ClusterId and ServiceId must not be empty");
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            problems.Add($"AdvertisedAddress '{AdvertisedAddress}' is not an IP address: give the address other machines reach this one at");
        }

        foreach (var (name, port) in new[] { ("SiloPort", SiloPort), ("GatewayPort", GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                problems.Add($"{name} {port} is not a TCP port (1–65535)");
            }
        }

        if (DashboardPort is < 0 or > 65535)
        {
            problems.Add($"DashboardPort {DashboardPort} is not a TCP port (0 turns the dashboard off)");
        }

        if (Concurrency < 1)
        {
            problems.Add($"Concurrency {Concurrency} must be at least 1 (cells computed at once)");
        }

        return problems;
    }

    /// <summary>The silo's name: <see cref="Name"/>, else host name and silo port.</summary>
    public string SiloName => Name ?? $"{Environment.MachineName}:{SiloPort}";
}
