using Microsoft.Extensions.Configuration;

namespace OrleansSweep.Silo;

/// <summary>The silo's command-line switches, mapped onto the <c>OrleansSweep:Cluster</c> settings.</summary>
internal static class SiloCommandLine
{
    /// <summary>Every switch and the setting it sets (also settable as <c>--OrleansSweep:Cluster:Name=value</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--redis"] = "OrleansSweep:Cluster:Redis",
        ["--cluster-id"] = "OrleansSweep:Cluster:ClusterId",
        ["--service-id"] = "OrleansSweep:Cluster:ServiceId",
        ["--address"] = "OrleansSweep:Cluster:AdvertisedAddress",
        ["--silo-port"] = "OrleansSweep:Cluster:SiloPort",
        ["--gateway-port"] = "OrleansSweep:Cluster:GatewayPort",
        ["--concurrency"] = "OrleansSweep:Cluster:Concurrency",
        ["--name"] = "OrleansSweep:Cluster:Name",
        ["--fast-failure-detection"] = "OrleansSweep:Cluster:FastFailureDetection",
        ["--dashboard-port"] = "OrleansSweep:Cluster:DashboardPort",
        ["--dashboard-host"] = "OrleansSweep:Cluster:DashboardHost",
    };

    /// <summary>Builder options: appsettings.json beside the executable, whatever the working folder.</summary>
    public static WebApplicationOptions Options() => new() { ContentRootPath = AppContext.BaseDirectory };

    public static void AddTo(ConfigurationManager configuration, string[] args) =>
        configuration.AddCommandLine(args, Switches.ToDictionary(kv => kv.Key, kv => kv.Value));
}
