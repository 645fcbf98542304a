using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Tests.Output;

/// <summary>Plans and results made up for output tests (no science involved).</summary>
internal static class FakeCells
{
    public static SweepPlan Plan(int cells, string folder, string fingerprint = "fp-1")
    {
        var planned = Enumerable.Range(0, cells)
            .Select(i => new PlannedCell(
                new AnalyzeCell(SweepIdFor(fingerprint), $"cell-{i:D4}", i, "{}"),
                new Dictionary<string, double> { ["g"] = 1 + i },
                10,
                1))
            .ToList();
        return new SweepPlan(SweepIdFor(fingerprint), fingerprint, "fake", "rate", "{}",
            [new PlanAxis("g", planned.Select(c => c.AxisValues["g"]).ToList(), false)], planned, folder);
    }

    public static Guid SweepIdFor(string fingerprint) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(fingerprint)));

    public static CellAnalyzed Result(AnalyzeCell command, string status = "ok", double value = 0.5) => new(
        command.SweepId,
        command.CellId,
        command.CellIndex,
        status,
        status == "failed" ? "boom" : null,
        new Dictionary<string, double?> { ["lyapunov_max"] = value + command.CellIndex, ["theory_xi"] = double.PositiveInfinity, ["missing"] = null, ["nan"] = double.NaN },
        new Dictionary<string, string> { ["lyapunov_status"] = "converged" },
        new Dictionary<string, double[]> { ["lyapunov_spectrum"] = [0.1, -0.2] },
        "test-worker",
        0.01);
}
