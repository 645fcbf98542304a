using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansSweep.Cluster.Hosting;

namespace OrleansSweep.Cluster.Tests.Hosting;

public sealed class SiloHostTests
{
    [Fact]
    public void Switches_override_the_settings_files_and_bind_the_options()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["OrleansSweep:Cluster:Concurrency"] = "7"; // as from appsettings.json
        builder.Configuration["OrleansSweep:Cluster:Prefetch"] = "9";
        string[] args = ["--role", "worker", "--concurrency", "3", "--broker", "rabbitmq://127.0.0.1:5699/", "--vhost", "lab", "--name", "w-1"];

        var exit = builder.AddSweepSilo(args, TextWriter.Null, TextWriter.Null);

        Assert.Null(exit);
        var options = builder.Services.Single(s => s.ServiceType == typeof(ClusterOptions)).ImplementationInstance as ClusterOptions;
        Assert.NotNull(options);
        Assert.Equal((SiloRoles.Worker, 3, 9, "lab", "w-1", TransportKind.RabbitMq), (options.Role, options.Concurrency, options.Prefetch, options.VirtualHost, options.NodeName, options.Transport));
        Assert.Equal(5699, options.Broker.Port);
    }

    [Fact]
    public void Invalid_settings_stop_the_silo_with_exit_code_2_naming_the_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        using var errors = new StringWriter();

        var exit = builder.AddSweepSilo(["--concurrency", "0", "--broker", "http://x"], TextWriter.Null, errors);

        Assert.Equal(2, exit);
        Assert.Contains("Concurrency 0", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("BrokerUri 'http://x'", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker", "worker")]
    [InlineData("coordinator", "coordinator")]
    [InlineData("all", "silo")]
    public void The_telemetry_role_names_the_silos_roles(string role, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        Assert.Null(builder.AddSweepSilo(["--role", role, "--data", "unused"], TextWriter.Null, TextWriter.Null));

        Assert.Equal(expected, builder.TelemetryRole());
    }

    [Fact]
    public void Help_prints_the_usage_and_exits_0()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        using var output = new StringWriter();

        Assert.Equal(0, builder.AddSweepSilo(["--help"], output, TextWriter.Null));
        Assert.Contains("--role", output.ToString(), StringComparison.Ordinal);
    }
}
