using System.Text.RegularExpressions;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed partial class DockerfileTests
{
    private const string Silo = "deploy/docker/silo.Dockerfile";
    private const string Client = "deploy/docker/client.Dockerfile";
    private const string Entrypoint = "deploy/docker/silo-entrypoint.sh";

    public static TheoryData<string, string> Projects => new()
    {
        { Silo, "silo/OrleansSweep.Silo.csproj" },
        { Client, "client/OrleansSweep.Client.csproj" },
    };

    public static TheoryData<string> Dockerfiles => [Silo, Client];

    private static string Runtime(string dockerfile)
    {
        var text = DeployFiles.Text(dockerfile);
        return text[text.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Publishes_the_real_project_as_the_local_cluster_does(string dockerfile, string project)
    {
        var text = DeployFiles.Text(dockerfile);
        Assert.True(File.Exists(DeployFiles.PathOf(project)), $"{project} does not exist");
        Assert.Matches($@"RUN dotnet publish {Regex.Escape(project)} -c Release -o /out/\w+ ", text);
        // deploy/local-cluster.sh (the tested topology) publishes the same project in the same configuration.
        Assert.Contains($"publish \"$root/{project}\" -c Release", DeployFiles.Text("deploy/local-cluster.sh"), StringComparison.Ordinal);
        foreach (Match copy in CopyFromContext().Matches(text))
        {
            foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            {
                Assert.True(Path.Exists(DeployFiles.PathOf(source.TrimEnd('/'))), $"{dockerfile}: COPY {source} does not exist");
            }
        }
    }

    [Fact]
    public void Silo_runs_on_the_ASP_NET_Core_runtime_through_its_entrypoint()
    {
        Assert.Contains("Microsoft.NET.Sdk.Web", DeployFiles.Text("silo/OrleansSweep.Silo.csproj"), StringComparison.Ordinal);
        Assert.StartsWith("\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", Runtime(Silo), StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /out/silo /opt/orleanssweep/silo\n", Runtime(Silo), StringComparison.Ordinal);
        Assert.Contains($"COPY {Entrypoint} /opt/orleanssweep/silo-entrypoint.sh\n", Runtime(Silo), StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"/opt/orleanssweep/silo-entrypoint.sh\"]", Runtime(Silo), StringComparison.Ordinal);
        // The entrypoint execs the published executable by its assembly name.
        Assert.Contains($"exec /opt/orleanssweep/silo/{CodeFacts.AssemblyName("silo/OrleansSweep.Silo.csproj")} \"$@\"", DeployFiles.Text(Entrypoint), StringComparison.Ordinal);
    }

    [Fact]
    public void Client_runs_the_published_sweep_command()
    {
        Assert.StartsWith("\nFROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime", Runtime(Client), StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"/opt/orleanssweep/sweep/{CodeFacts.AssemblyName("client/OrleansSweep.Client.csproj")}\"]", Runtime(Client), StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /out/sweep /opt/orleanssweep/sweep\n", Runtime(Client), StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_image_exposes_and_probes_the_ports_of_appsettings()
    {
        var runtime = Runtime(Silo);
        var expose = Expose().Match(runtime);
        Assert.True(expose.Success, "the silo image has no EXPOSE line");
        var ports = expose.Groups[1].Value.Split(' ').Select(int.Parse).Order().ToArray();
        Assert.Equal(new[] { CodeFacts.DefaultPort("SiloPort"), CodeFacts.DefaultPort("GatewayPort"), CodeFacts.DefaultPort("DashboardPort") }.Order(), ports);
        Assert.Contains($"OrleansSweep__Cluster__SiloPort={CodeFacts.DefaultPort("SiloPort")}", runtime, StringComparison.Ordinal);
        Assert.Contains($"OrleansSweep__Cluster__GatewayPort={CodeFacts.DefaultPort("GatewayPort")}", runtime, StringComparison.Ordinal);
        Assert.Contains($"OrleansSweep__Cluster__DashboardPort={CodeFacts.DefaultPort("DashboardPort")}", runtime, StringComparison.Ordinal);
        Assert.Contains($"/dev/tcp/127.0.0.1/{CodeFacts.DefaultPort("DashboardPort")}", runtime, StringComparison.Ordinal);
        Assert.Contains($"GET {CodeFacts.HealthPath} HTTP", runtime, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Is_multi_stage_non_root_with_OpenBLAS_and_a_health_check(string dockerfile)
    {
        var text = DeployFiles.Text(dockerfile);
        var runtime = Runtime(dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", text, StringComparison.Ordinal);
        Assert.Contains("libopenblas0-pthread liblapacke", runtime, StringComparison.Ordinal);
        Assert.Contains("--no-install-recommends", runtime, StringComparison.Ordinal);
        Assert.Matches(@"\nUSER [1-9]\d*:[1-9]\d*\n", runtime);
        Assert.Contains("HEALTHCHECK ", runtime, StringComparison.Ordinal);
        Assert.True(File.Exists(DeployFiles.PathOf(dockerfile + ".dockerignore")), "the build context must exclude bin/ and obj/");
    }

    [Fact]
    public void Silo_entrypoint_is_valid_POSIX_shell()
    {
        Assert.Equal(0, Tools.Run("sh", ["-n", Entrypoint]).ExitCode);
        if (Tools.Find("shellcheck") is not null)
        {
            var run = Tools.Run("shellcheck", [Entrypoint]);
            Assert.True(run.ExitCode == 0, $"shellcheck {Entrypoint}:\n{run.Output}{run.Errors}");
        }
    }

    [Fact]
    public void Silo_entrypoint_advertises_an_IPv4_address_unless_one_is_given()
    {
        // With an address set, the script must exec the silo with it untouched; a stub silo prints what it got.
        var folder = Directory.CreateTempSubdirectory("deploy-entrypoint-");
        try
        {
            var script = DeployFiles.Text(Entrypoint).Replace("/opt/orleanssweep/silo/orleanssweep-silo", Path.Combine(folder.FullName, "silo"), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "entrypoint.sh"), script);
            File.WriteAllText(Path.Combine(folder.FullName, "silo"), "#!/bin/sh\necho \"$OrleansSweep__Cluster__AdvertisedAddress $*\"\n");
            File.SetUnixFileMode(Path.Combine(folder.FullName, "silo"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var given = Tools.Run("sh", [Path.Combine(folder.FullName, "entrypoint.sh"), "--name", "a"], environment: new Dictionary<string, string> { ["OrleansSweep__Cluster__AdvertisedAddress"] = "10.1.2.3" });
            Assert.Equal("10.1.2.3 --name a", given.Output.Trim());
            var found = Tools.Run("sh", [Path.Combine(folder.FullName, "entrypoint.sh")]);
            if (found.ExitCode == 0)
            {
                Assert.Matches(@"^\d+\.\d+\.\d+\.\d+\s*$", found.Output);
            }
            else
            {
                Assert.Contains("set OrleansSweep__Cluster__AdvertisedAddress", found.Errors, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"\nCOPY (?!--from)([^\n]+)")]
    private static partial Regex CopyFromContext();

    [GeneratedRegex(@"\nEXPOSE ([\d ]+)\n")]
    private static partial Regex Expose();
}
