using System.Text.RegularExpressions;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed partial class DockerfileTests
{
    public static TheoryData<string, string, string> Images => new()
    {
        { "deploy/docker/silo.Dockerfile", "silo/OrleansSweep.Silo.csproj", "/opt/orleanssweep/silo" },
        { "deploy/docker/client.Dockerfile", "client/OrleansSweep.Client.csproj", "/opt/orleanssweep/sweep" },
    };

    public static TheoryData<string, string> Projects => new()
    {
        { "deploy/docker/silo.Dockerfile", "silo/OrleansSweep.Silo.csproj" },
        { "deploy/docker/client.Dockerfile", "client/OrleansSweep.Client.csproj" },
    };

    public static TheoryData<string> Dockerfiles => ["deploy/docker/silo.Dockerfile", "deploy/docker/client.Dockerfile"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Publishes_the_real_project_as_the_local_cluster_does(string dockerfile, string project)
    {
        var text = DeployFiles.Text(dockerfile);
        Assert.True(File.Exists(DeployFiles.PathOf(project)));
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

    [Theory]
    [MemberData(nameof(Images))]
    public void Runs_the_published_executable_by_its_assembly_name(string dockerfile, string project, string folder)
    {
        var text = DeployFiles.Text(dockerfile);
        Assert.Contains($"ENTRYPOINT [\"{folder}/{CodeFacts.AssemblyName(project)}\"]", text, StringComparison.Ordinal);
        Assert.Matches($@"COPY --from=build /out/\w+ {Regex.Escape(folder)}\n", text);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Is_multi_stage_non_root_with_OpenBLAS_and_a_health_check(string dockerfile)
    {
        var text = DeployFiles.Text(dockerfile);
        var runtime = text[text.IndexOf("FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime", StringComparison.Ordinal)..];
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", text, StringComparison.Ordinal);
        Assert.Contains("libopenblas0-pthread liblapacke", runtime, StringComparison.Ordinal);
        Assert.Contains("--no-install-recommends", runtime, StringComparison.Ordinal);
        Assert.Matches(@"\nUSER [1-9]\d*:[1-9]\d*\n", runtime);
        Assert.Contains("HEALTHCHECK ", runtime, StringComparison.Ordinal);
        Assert.True(File.Exists(DeployFiles.PathOf(dockerfile + ".dockerignore")), "the build context must exclude bin/ and obj/");
    }

    [GeneratedRegex(@"\nCOPY (?!--from)([^\n]+)")]
    private static partial Regex CopyFromContext();
}
