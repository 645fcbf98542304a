using System.Globalization;
using System.Text.Json;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly JsonElement Compose = DeployFiles.Yaml("deploy/compose.yaml")[0];

    private static JsonElement Services => Compose.GetProperty("services");

    private static JsonElement Service(string name) => Services.GetProperty(name);

    private static string Environment(string service, string name) => Service(service).GetProperty("environment").GetProperty(name).GetString()!;

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void Has_Redis_silos_collector_and_viewer_and_no_roles()
    {
        foreach (var name in new[] { "redis", "silo", "otel-collector", "jaeger", "sweep" })
        {
            Assert.True(Services.TryGetProperty(name, out _), $"compose.yaml lacks the {name} service");
        }

        Assert.Equal(5, Services.EnumerateObject().Count());
    }

    [Fact]
    public void Only_dashboards_and_Jaeger_are_published_and_only_on_loopback()
    {
        var published = new List<string>();
        foreach (var service in Services.EnumerateObject())
        {
            if (service.Value.TryGetProperty("ports", out var ports))
            {
                foreach (var port in Strings(ports))
                {
                    Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal);
                    published.Add($"{service.Name} {port}");
                }
            }
        }

        var dashboard = CodeFacts.DefaultPort("DashboardPort");
        Assert.Equal([$"jaeger 127.0.0.1:16686:16686", $"silo 127.0.0.1:{dashboard}-{dashboard + 9}:{dashboard}"], published.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Silo_is_scalable()
    {
        var silo = Service("silo");
        Assert.False(silo.TryGetProperty("container_name", out _), "a container_name prevents --scale silo=N");
        Assert.False(silo.TryGetProperty("hostname", out _), "a fixed hostname gives every replica the same silo name");
        // A published port must be a range, or the second replica cannot start.
        Assert.All(Strings(silo.GetProperty("ports")), p => Assert.Matches(@"^127\.0\.0\.1:\d+-\d+:\d+$", p));
        Assert.False(silo.GetProperty("environment").TryGetProperty("OrleansSweep__Cluster__AdvertisedAddress", out _),
            "the advertised address must come from each container's own IP (the image's entrypoint), not one value for all");
    }

    [Fact]
    public void Silo_ports_are_the_appsettings_defaults_and_the_dashboard_listens_in_the_container()
    {
        foreach (var setting in new[] { "SiloPort", "GatewayPort", "DashboardPort" })
        {
            Assert.Equal(CodeFacts.DefaultPort(setting).ToString(CultureInfo.InvariantCulture), Environment("silo", "OrleansSweep__Cluster__" + setting));
        }

        Assert.Equal("0.0.0.0", Environment("silo", "OrleansSweep__Cluster__DashboardHost"));
    }

    [Fact]
    public void Silos_reach_the_Redis_service_with_its_password()
    {
        var redis = Environment("silo", "OrleansSweep__Cluster__Redis");
        var parts = redis.Split(',');
        Assert.Equal("redis:6379", parts[0]);
        Assert.Contains("password=${ORLEANSSWEEP_REDIS_PASSWORD:-}", parts);
        var command = Strings(Service("redis").GetProperty("command"));
        Assert.Equal("${ORLEANSSWEEP_REDIS_PASSWORD:-}", command[command.IndexOf("--requirepass") + 1]);
        Assert.Equal("redis://redis:6379", Environment("sweep", "ORLEANSSWEEP_CLUSTER"));
        Assert.Contains(":?", Environment("silo", "OrleansSweep__Cluster__ClusterId"), StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_runs_the_shipped_configuration_with_its_data_on_a_named_volume()
    {
        var command = Strings(Service("redis").GetProperty("command"));
        var volumes = Strings(Service("redis").GetProperty("volumes"));
        var config = volumes.Single(v => v.StartsWith("./redis/redis.conf:", StringComparison.Ordinal)).Split(':')[1];
        Assert.Equal(["redis-server", config], command.Take(2));
        Assert.True(File.Exists(Path.Combine(DeployFiles.Deploy, "redis", "redis.conf")));
        var data = command[command.IndexOf("--dir") + 1];
        Assert.Contains($"redis-data:{data}", volumes);
        Assert.True(Compose.GetProperty("volumes").TryGetProperty("redis-data", out _));
        Assert.False(Service("redis").TryGetProperty("ports", out _), "Redis must not be published");
    }

    [Fact]
    public void Silos_wait_for_Redis_and_stop_gracefully()
    {
        Assert.Equal("service_healthy", Service("silo").GetProperty("depends_on").GetProperty("redis").GetProperty("condition").GetString());
        Assert.True(Service("redis").TryGetProperty("healthcheck", out _));
        var grace = double.Parse(Service("silo").GetProperty("stop_grace_period").GetString()!.TrimEnd('s'), CultureInfo.InvariantCulture);
        Assert.True(grace >= 30, $"stop_grace_period {grace} s leaves Orleans too little time to leave the cluster");
    }

    [Fact]
    public void Builds_and_configuration_files_it_names_exist()
    {
        foreach (var service in Services.EnumerateObject().Where(s => s.Value.TryGetProperty("build", out _)))
        {
            var dockerfile = service.Value.GetProperty("build").GetProperty("dockerfile").GetString()!;
            Assert.Equal("..", service.Value.GetProperty("build").GetProperty("context").GetString());
            Assert.True(File.Exists(DeployFiles.PathOf(dockerfile)), $"{service.Name}: {dockerfile} does not exist");
        }

        var collector = Strings(Service("otel-collector").GetProperty("volumes"))[0].Split(':')[0];
        Assert.True(File.Exists(Path.Combine(DeployFiles.Deploy, collector)), $"collector config {collector} does not exist");
        Assert.Equal("http://otel-collector:4317", Environment("silo", "OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void Env_example_sets_every_variable_compose_requires()
    {
        var example = DeployFiles.Text("deploy/compose/cluster.env.example").Split('\n')
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)[0]).ToHashSet(StringComparer.Ordinal);
        var required = System.Text.RegularExpressions.Regex.Matches(DeployFiles.Text("deploy/compose.yaml"), @"\$\{(\w+):\?").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(required);
        Assert.All(required, r => Assert.Contains(r, example));
    }
}
