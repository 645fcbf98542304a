using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Tests.Output;

/// <summary>Made-up plans and results for the output tests: every status, NaN, ±∞ and absent metrics.</summary>
internal static class SweepPlans
{
    /// <summary>A grid over a (nA points, 0.5 apart) × b (nB points), cells in row-major order.</summary>
    public static SweepPlan TwoAxes(int nA, int nB, string folder)
    {
        var id = FakeCells.SweepIdFor($"two-axes-{nA}-{nB}");
        var a = Enumerable.Range(0, nA).Select(i => 0.5 * i).ToList();
        var b = Enumerable.Range(0, nB).Select(i => (double)i).ToList();
        var cells = new List<PlannedCell>();
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var index = cells.Count;
                cells.Add(new PlannedCell(new AnalyzeCell(id, $"c{index:D3}-{(int)(x * 10)}-{y}", index, "{}"),
                    new Dictionary<string, double> { ["a"] = x, ["b"] = y }, 16, 2));
            }
        }

        return new SweepPlan(id, "two-axes", "two-axes", "rate", "{\"name\":\"two-axes\"}",
            [new PlanAxis("a", a, false), new PlanAxis("b", b, false)], cells, folder);
    }

    /// <summary>
    /// A result whose status cycles ok, partial, ok, failed by cell index; λ_max = a − b/2 (signed), with SEM,
    /// theory, an undocumented column (<c>bistable</c>), an always-NaN metric and an infinite theory value.
    /// </summary>
    public static CellAnalyzed Result(AnalyzeCell command)
    {
        var status = (command.CellIndex % 4) switch { 1 => "partial", 3 => "failed", _ => "ok" };
        var failed = status == "failed";
        var (a, b) = ParseAxes(command.CellId);
        var lambda = a - (b / 2);
        var metrics = new Dictionary<string, double?>
        {
            ["lyapunov_max"] = failed ? null : lambda,
            ["lyapunov_max_sem"] = failed ? null : 0.01 * (1 + command.CellIndex),
            ["theory_lyapunov_max"] = lambda + 0.05,
            ["theory_xi"] = command.CellIndex == 0 ? double.PositiveInfinity : 1.0 / (1 + command.CellIndex),
            ["bistable"] = failed ? null : command.CellIndex % 2,
            ["nan_metric"] = double.NaN,
            ["absent"] = null,
        };
        var series = failed ? new Dictionary<string, double[]>() : new Dictionary<string, double[]> { ["lyapunov_spectrum"] = [lambda, lambda - 1, lambda - 2] };
        return new CellAnalyzed(command.SweepId, command.CellId, command.CellIndex, status, failed ? "solver diverged at step 12" : null,
            metrics, new Dictionary<string, string>(), series, "test-worker", 0.25 + command.CellIndex);
    }

    private static (double A, double B) ParseAxes(string cellId)
    {
        var parts = cellId.Split('-');
        return (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) / 10.0, double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
