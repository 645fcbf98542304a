using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class YamlLintTests
{
    [Fact]
    public void Deploy_folder_has_yaml_to_check()
    {
        var files = DeployFiles.Files(".yaml", ".yml");
        Assert.Contains("deploy/compose.yaml", files);
        Assert.Contains(files, f => f.StartsWith("deploy/k8s/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_yaml_file_in_deploy_passes_yamllint_with_the_shipped_config()
    {
        var run = Tools.Run("yamllint", ["--strict", "-c", "deploy/.yamllint", "-f", "parsable", "deploy/"]);
        Assert.True(run.ExitCode == 0, $"yamllint found problems:\n{run.Output}{run.Errors}");
    }

    [Fact]
    public void Yamllint_rejects_a_broken_file_so_the_check_can_fail()
    {
        var folder = Directory.CreateTempSubdirectory("deploy-yamllint-");
        try
        {
            var bad = Path.Combine(folder.FullName, "bad.yaml");
            File.WriteAllText(bad, "services:\n  a: 1\n  a: 2\n  b: [unclosed\n");
            var run = Tools.Run("yamllint", ["-c", DeployFiles.PathOf("deploy/.yamllint"), bad]);
            Assert.NotEqual(0, run.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_yaml_document_parses()
    {
        foreach (var file in DeployFiles.Files(".yaml", ".yml"))
        {
            Assert.NotEmpty(DeployFiles.Yaml(file));
        }
    }
}
