using System.Text.Json;
using OrleansSweep.Cluster;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly JsonElement Services = DeployFiles.Yaml("deploy/compose.yaml")[0].GetProperty("services");

    private static JsonElement Service(string name) => Services.GetProperty(name);

    private static string Environment(string service, string name) => Service(service).GetProperty("environment").GetProperty(name).GetString()!;

    [Fact]
    public void Has_the_broker_coordinator_workers_collector_and_viewer()
    {
        foreach (var name in new[] { "rabbitmq", "coordinator", "worker", "otel-collector", "jaeger" })
        {
            Assert.True(Services.TryGetProperty(name, out _), $"compose.yaml lacks the {name} service");
        }
    }

    [Fact]
    public void Only_user_interfaces_are_published_and_only_on_loopback()
    {
        var published = new List<string>();
        foreach (var service in Services.EnumerateObject())
        {
            if (service.Value.TryGetProperty("ports", out var ports))
            {
                foreach (var port in ports.EnumerateArray().Select(p => p.GetString()!))
                {
                    Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal);
                    published.Add(port);
                }
            }
        }

        Assert.Equal(["127.0.0.1:15672:15672", "127.0.0.1:16686:16686"], published.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(published, p => p.Contains("5672:5672", StringComparison.Ordinal) && !p.Contains("15672", StringComparison.Ordinal));
    }

    [Fact]
    public void Broker_has_own_user_and_virtual_host_and_the_shipped_consumer_timeout()
    {
        Assert.NotEqual("guest", Environment("rabbitmq", "RABBITMQ_DEFAULT_USER"));
        Assert.Contains(":?", Environment("rabbitmq", "RABBITMQ_DEFAULT_PASS"), StringComparison.Ordinal);
        Assert.Equal(Environment("rabbitmq", "RABBITMQ_DEFAULT_VHOST"), Environment("worker", "OrleansSweep__Cluster__VirtualHost"));
        var mount = Service("rabbitmq").GetProperty("volumes").EnumerateArray().Select(v => v.GetString()!)
            .Single(v => v.Contains("rabbitmq.conf", StringComparison.Ordinal));
        Assert.StartsWith("./rabbitmq/rabbitmq.conf:/etc/rabbitmq/conf.d/", mount, StringComparison.Ordinal);
        Assert.Contains("consumer_timeout = 86400000", DeployFiles.Text("deploy/rabbitmq/rabbitmq.conf"), StringComparison.Ordinal);
    }

    [Fact]
    public void Silos_reach_the_broker_service_on_the_AMQP_port_with_the_shared_password()
    {
        foreach (var silo in new[] { "coordinator", "worker" })
        {
            var address = BrokerAddress.Parse(Environment(silo, "OrleansSweep__Cluster__BrokerUri"));
            Assert.Equal(("rabbitmq", BrokerAddress.DefaultPort), (address.Host, address.Port));
            Assert.Equal(Environment("rabbitmq", "RABBITMQ_DEFAULT_PASS"), Environment(silo, "OrleansSweep__Cluster__Password"));
            Assert.Equal(Environment("rabbitmq", "RABBITMQ_DEFAULT_USER"), Environment(silo, "OrleansSweep__Cluster__Username"));
        }
    }

    [Fact]
    public void Coordinator_keeps_its_data_folder_on_a_named_volume()
    {
        var command = Service("coordinator").GetProperty("command").EnumerateArray().Select(c => c.GetString()!).ToList();
        var data = command[command.IndexOf("--data") + 1];
        Assert.Contains($"coordinator-data:{data}", Service("coordinator").GetProperty("volumes").EnumerateArray().Select(v => v.GetString()));
        Assert.True(DeployFiles.Yaml("deploy/compose.yaml")[0].GetProperty("volumes").TryGetProperty("coordinator-data", out _));
    }

    [Fact]
    public void Worker_is_scalable_and_stops_gracefully()
    {
        var worker = Service("worker");
        Assert.False(worker.TryGetProperty("container_name", out _), "a container_name prevents --scale worker=N");
        Assert.False(worker.TryGetProperty("ports", out _), "published ports prevent --scale worker=N");
        var grace = double.Parse(worker.GetProperty("stop_grace_period").GetString()!.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
        var stop = double.Parse(Environment("worker", "OrleansSweep__Cluster__StopTimeoutSeconds"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(grace >= stop + 10, $"stop_grace_period {grace} s must exceed the stop timeout {stop} s with a margin");
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

        var collector = Service("otel-collector").GetProperty("volumes")[0].GetString()!.Split(':')[0];
        Assert.True(File.Exists(Path.Combine(DeployFiles.Deploy, collector)), $"collector config {collector} does not exist");
        Assert.Equal("http://otel-collector:4317", Environment("worker", "OTEL_EXPORTER_OTLP_ENDPOINT"));
    }
}
