using OrleansSweep.Client.Tests.Support;

namespace OrleansSweep.Client.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string folder = Directory.CreateTempSubdirectory("validate-").FullName;

    public static TheoryData<string, string, string, string> BadSpecs => new()
    {
        // spec JSON, field named, words of the message, words of the fix
        { """{"name":"x","model":"gatd","n":10,"grid":{"gH":{"values":[1]}},"analyses":{"theory":{}}}""", "model", "gatd", "gated" },
        { """{"name":"x","model":"gated","n":10,"parameters":{"alphaz":1},"grid":{"gH":{"values":[1]}},"analyses":{"theory":{}}}""", "parameters.alphaz", "alphaz", "alphaZ" },
        { """{"name":"x","model":"gated","n":10,"grid":{"gH":{"from":1,"to":2,"steps":0}},"analyses":{"theory":{}}}""", "grid.gH.steps", "steps", "steps" },
        { """{"name":"x","model":"gated","n":10,"grid":{"gH":{"values":[]}},"analyses":{"theory":{}}}""", "grid.gH", "", "" },
        { """{"name":"x","model":"vanilla","n":10,"parameters":{"sigmaW2":-1},"grid":{"muB":{"values":[0]}},"analyses":{"theory":{}}}""", "parameters.sigmaW2", "variance", "" },
        { """{"name":"x","model":"gated","n":400000,"grid":{"gH":{"values":[1]}},"analyses":{"spectrum":{}}}""", "n", "memory", "" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task A_bad_spec_is_rejected_with_its_field_the_fix_and_exit_code_2(string json, string field, string messageWords, string fixWords)
    {
        var spec = TestSpecs.Write(folder, json);

        var (exitCode, _, error) = await SweepProcess.RunAsync(folder, Patience, "validate", spec);

        Assert.Equal(2, exitCode);
        Assert.Contains(field, error, StringComparison.Ordinal);
        Assert.Contains(messageWords, error, StringComparison.Ordinal);
        Assert.Contains("fix:", error, StringComparison.Ordinal);
        Assert.Contains(fixWords, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_rejects_an_output_folder_that_holds_another_sweep()
    {
        var output = Path.Combine(folder, "out");
        var first = TestSpecs.Write(folder, TestSpecs.Rate(cells: 2), "first.json");
        var second = TestSpecs.Write(folder, TestSpecs.Rate(cells: 3), "second.json");
        var (firstExit, _, firstError) = await SweepProcess.RunAsync(folder, TimeSpan.FromMinutes(3), "run", first, "--out", output);
        Assert.True(firstExit == 0, firstError);

        var (exitCode, _, error) = await SweepProcess.RunAsync(folder, Patience, "run", second, "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("output", error, StringComparison.Ordinal);
        Assert.Contains("different sweep", error, StringComparison.Ordinal);
        Assert.Contains("fix:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_spec_validates_with_exit_code_0_and_a_cell_count()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.Rate(cells: 5));

        var (exitCode, output, error) = await SweepProcess.RunAsync(folder, Patience, "validate", spec);

        Assert.True(exitCode == 0, error);
        Assert.Contains("5 cells", output, StringComparison.Ordinal);
        Assert.Matches(@"memory: [\d.]+ [KMG]?i?B a cell × \d+ at once = ", output);
    }

    [Fact]
    public async Task A_refined_spec_validates_with_its_worst_case_cell_count()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.RefinedRate());

        var (exitCode, output, error) = await SweepProcess.RunAsync(folder, Patience, "validate", spec);

        Assert.True(exitCode == 0, error);
        // 5 coarse cells, depth 3, 2 children a split: 5 × (1 + 2 + 4 + 8) = 75.
        Assert.Contains("refines lyapunov_max = 0 over g to depth 3", output, StringComparison.Ordinal);
        Assert.Contains("at most 75 cells (5 coarse, 2 children per split)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refined_spec_with_few_realisations_is_told_the_k_its_SEMs_need()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.RefinedRate().Replace("\"realizations\": 1", "\"realizations\": 3", StringComparison.Ordinal));

        var (exitCode, output, error) = await SweepProcess.RunAsync(folder, Patience, "validate", spec);

        Assert.True(exitCode == 0, error);
        // t quantile with 2 degrees of freedom at Φ(2): (2p − 1) / √(2p(1 − p)) = 4.527.
        Assert.Contains("k = 2 is read off Student's t with 2 degree(s) of freedom: 4.53 SEM", output, StringComparison.Ordinal);
        Assert.Contains("use ≥ 4 realisations", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refined_spec_with_shared_disorder_is_told_its_rule_weighs_the_finite_time_error()
    {
        var spec = TestSpecs.Write(folder, TestSpecs.RefinedRate().Replace("\"seed\": 9,", "\"seed\": 9, \"disorder\": \"shared\",", StringComparison.Ordinal));

        var (exitCode, output, error) = await SweepProcess.RunAsync(folder, Patience, "validate", spec);

        Assert.True(exitCode == 0, error);
        // 1 realisation × (4 windows − 1) = 3 degrees of freedom: t(Φ(2); 3) = 3.31.
        Assert.Contains("split rule: shared disorder, so differences are weighed by λ_max's finite-time error", output, StringComparison.Ordinal);
        Assert.Contains("Student's t with 3 degrees of freedom: 3.31", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
