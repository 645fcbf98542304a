using System.Security.Cryptography;
using System.Text;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
using Xunit.Abstractions;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Cells;

/// <summary>
/// Ties what a cell reports to <see cref="CellIdentity.SchemaVersion"/>: stored results are found by cell id, so a change
/// of a cell's output without a new schema version would let the grains answer from results computed by older code.
/// </summary>
/// <remarks>
/// The shape of a cell is every metric, status and series name it reports, per model family, with every analysis on
/// (Lyapunov with the twin and two initial scales, spectrum, fixed points, theory, and isometry where the family has it).
/// <see cref="KnownShapes"/> holds the SHA-256 of that list for each schema version; it is append-only. When this test
/// fails because the shape changed, bump <see cref="CellIdentity.SchemaVersion"/> and append a line for the new version
/// with the hash the failure prints — never edit an existing line (that is the one change the test cannot see; a reviewer
/// sees it in the diff).
/// <para>
/// What a name list cannot catch: a change of the numbers under an unchanged name (a fixed bug, a new default, a different
/// status rule). That also needs a bump, by hand; the remark on <see cref="CellIdentity"/> says so.
/// </para>
/// </remarks>
public class CellShapeTests(ITestOutputHelper output)
{
    /// <summary>Schema version → SHA-256 (hex) of <see cref="Shape"/>. Append-only.</summary>
    private static readonly (string Version, string ShapeHash)[] KnownShapes =
    [
        // v1 predates this test (its shape was never recorded). v2: issue 15 — initialScales/bistable, the adiabatic reset
        // gate, the isometry analysis, theory_*_status with null unconverged values, branch counts (minimal, gated),
        // vanilla q_h_star and the assumption columns.
        ("orleanssweep-cell/v2", "18d2e971662d627cfce80ec70acc53008e6fbf035fec32ab2858f6282714d946"),
    ];

    private const string Lyapunov = """
        "lyapunov": { "exponents": 2, "transientTime": 2, "averagingTime": 4, "windows": 2, "twinCheck": true, "initialScales": [1, 0.01] }
        """;

    private const string Common = """
        "spectrum": { "samples": 1, "sampleInterval": 1, "transientTime": 1 },
        "fixedPoints": { "starts": 2 },
        "theory": true
        """;

    private const string Isometry = """
        "isometry": { "steps": 2, "transientSteps": 2, "averagingSteps": 8, "samples": 1 }
        """;

    /// <summary>One cheap cell per family with every analysis the family accepts.</summary>
    private static readonly (string Model, string Parameters, bool Isometry)[] Families =
    [
        ("vanilla", """{ "sigmaW2": 1.5 }""", true),
        ("minimal", """{ "sigmaW2": 2, "muB": 1 }""", true),
        ("rate", """{ "g": 1.5 }""", false),
        ("gru", """{ "gH": 1.5 }""", true),
        ("lstm", "{}", true),
        ("gated", """{ "gH": 2.5, "alphaR": 2, "tauR": 0 }""", false),
    ];

    [Fact]
    public void A_change_of_the_cells_output_shape_comes_with_a_new_schema_version()
    {
        var shape = Shape();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shape)));
        output.WriteLine($"{CellIdentity.SchemaVersion} {hash}");
        output.WriteLine(shape);

        Assert.Equal(CellIdentity.SchemaVersion, KnownShapes[^1].Version);
        Assert.Equal(KnownShapes.Length, KnownShapes.Select(k => k.Version).Distinct(StringComparer.Ordinal).Count());
        Assert.True(
            hash == KnownShapes[^1].ShapeHash,
            $"The cells' output shape changed (hash {hash}, recorded {KnownShapes[^1].ShapeHash} for {CellIdentity.SchemaVersion}). " +
            "Bump CellIdentity.SchemaVersion and append the new version with this hash to KnownShapes; the shape is in the test output.");
    }

    [Fact]
    public void The_shape_lists_every_analysis_of_every_family()
    {
        var shape = Shape();
        foreach (var (model, _, isometry) in Families)
        {
            var line = shape.Split('\n').Single(l => l.StartsWith(model + ":", StringComparison.Ordinal));
            Assert.Contains(" lyapunov_max ", line, StringComparison.Ordinal);
            Assert.Contains(" lyapunov_max_scale_2 ", line, StringComparison.Ordinal);
            Assert.Contains(" bistable ", line, StringComparison.Ordinal);
            Assert.Contains(" spectral_radius ", line, StringComparison.Ordinal);
            Assert.Contains(" status:fixed_points_status ", line, StringComparison.Ordinal); // not applicable to the input-driven minimalRNN
            Assert.Contains(" status:theory_", line, StringComparison.Ordinal);
            Assert.Equal(isometry, line.Contains(" isometry_q ", StringComparison.Ordinal));
        }
    }

    private static readonly Lazy<string> ComputedShape = new(ComputeShape);

    private static string Shape() => ComputedShape.Value;

    /// <summary>Per family (one line each, families in list order): its sorted metric, status and series names.</summary>
    private static string ComputeShape()
    {
        var analyzer = new CellAnalyzer(DenseKernels.Default);
        var lines = new List<string>();
        foreach (var (model, parameters, isometry) in Families)
        {
            var analyses = isometry ? $"{Lyapunov}, {Common}, {Isometry}" : $"{Lyapunov}, {Common}";
            var spec = $$"""
                { "name": "shape-{{model}}", "model": "{{model}}", "n": 6, "realizations": 2, "seed": 1,
                  "parameters": {{parameters}}, "analyses": { {{analyses}} } }
                """;
            var result = analyzer.Analyze(Guid.Empty, new SweepGrid(Parse(spec)).CellAt(0), "test", default);
            var names = result.Metrics.Keys
                .Concat(result.Statuses.Keys.Select(k => "status:" + k))
                .Concat(result.Series.Keys.Select(k => "series:" + k))
                .Order(StringComparer.Ordinal);
            lines.Add($"{model}: {string.Join(' ', names)} ");
        }

        return string.Join('\n', lines);
    }
}
