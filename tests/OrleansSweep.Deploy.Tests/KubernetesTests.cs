using System.Globalization;
using System.Text.Json;
using OrleansSweep.Cluster;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class KubernetesTests
{
    private static readonly JsonElement[] Objects = [.. DeployFiles.Files(".yaml")
        .Where(f => f.StartsWith("deploy/k8s/", StringComparison.Ordinal) && !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
        .SelectMany(DeployFiles.Yaml)];

    private static JsonElement Object(string kind, string name) =>
        Objects.Single(o => o.GetProperty("kind").GetString() == kind && o.GetProperty("metadata").GetProperty("name").GetString() == name);

    private static JsonElement Container(JsonElement workload) => workload.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];

    private static string? Env(JsonElement container, string name) => container.GetProperty("env").EnumerateArray()
        .Where(e => e.GetProperty("name").GetString() == name && e.TryGetProperty("value", out _))
        .Select(e => e.GetProperty("value").GetString()).SingleOrDefault();

    [Fact]
    public void Kustomization_lists_every_manifest_and_only_existing_ones()
    {
        var kustomization = DeployFiles.Yaml("deploy/k8s/kustomization.yaml")[0];
        var listed = kustomization.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal);
        var present = Directory.GetFiles(DeployFiles.PathOf("deploy/k8s"), "*.yaml").Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(present.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Silos_stop_within_the_grace_period()
    {
        foreach (var workload in new[] { Object("StatefulSet", "coordinator"), Object("Deployment", "worker") })
        {
            var grace = workload.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("terminationGracePeriodSeconds").GetDouble();
            var stop = double.Parse(Env(Container(workload), "OrleansSweep__Cluster__StopTimeoutSeconds") ?? "30", CultureInfo.InvariantCulture);
            Assert.True(grace >= stop + 15, $"terminationGracePeriodSeconds {grace} must be ≥ the stop timeout {stop} + 15 s");
        }
    }

    [Fact]
    public void Coordinator_is_a_single_StatefulSet_with_its_data_folder_on_a_claim()
    {
        var coordinator = Object("StatefulSet", "coordinator");
        Assert.Equal(1, coordinator.GetProperty("spec").GetProperty("replicas").GetInt32());
        var args = Container(coordinator).GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        var data = args[args.IndexOf("--data") + 1];
        var claim = coordinator.GetProperty("spec").GetProperty("volumeClaimTemplates")[0].GetProperty("metadata").GetProperty("name").GetString();
        Assert.Contains(Container(coordinator).GetProperty("volumeMounts").EnumerateArray(),
            m => m.GetProperty("name").GetString() == claim && m.GetProperty("mountPath").GetString() == data);
    }

    [Fact]
    public void Workers_have_cpu_requests_and_limits_and_an_autoscaler()
    {
        var resources = Container(Object("Deployment", "worker")).GetProperty("resources");
        Assert.True(resources.GetProperty("requests").TryGetProperty("cpu", out _));
        Assert.True(resources.GetProperty("limits").TryGetProperty("cpu", out _));
        var target = Object("HorizontalPodAutoscaler", "worker").GetProperty("spec").GetProperty("scaleTargetRef");
        Assert.Equal(("Deployment", "worker"), (target.GetProperty("kind").GetString(), target.GetProperty("name").GetString()));
    }

    [Fact]
    public void Broker_service_port_is_the_one_the_silos_use()
    {
        var amqp = Object("Service", "rabbitmq").GetProperty("spec").GetProperty("ports").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "amqp").GetProperty("port").GetInt32();
        Assert.Equal(BrokerAddress.DefaultPort, amqp);
        var address = BrokerAddress.Parse(Env(Container(Object("Deployment", "worker")), "OrleansSweep__Cluster__BrokerUri")!);
        Assert.Equal(("rabbitmq", amqp), (address.Host, address.Port));
    }

    [Fact]
    public void Secret_keys_are_settings_and_the_broker_config_matches_the_shipped_one()
    {
        var secret = Object("Secret", "orleanssweep-broker").GetProperty("stringData");
        Assert.All(secret.EnumerateObject(), p => Assert.Contains(p.Name[CodeFacts.EnvironmentPrefix.Length..], CodeFacts.Settings));
        Assert.NotEqual("guest", secret.GetProperty("OrleansSweep__Cluster__Username").GetString());
        var config = Object("ConfigMap", "rabbitmq-config").GetProperty("data").GetProperty("20-orleanssweep.conf").GetString()!;
        var shipped = DeployFiles.Text("deploy/rabbitmq/rabbitmq.conf").Split('\n');
        foreach (var line in config.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(line.Trim(), shipped);
        }
    }

    [Fact]
    public void Silo_pods_run_as_non_root()
    {
        foreach (var workload in new[] { Object("StatefulSet", "coordinator"), Object("Deployment", "worker") })
        {
            Assert.True(workload.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("securityContext").GetProperty("runAsNonRoot").GetBoolean());
        }
    }
}
