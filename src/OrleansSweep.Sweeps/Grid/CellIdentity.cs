using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Grid;

/// <summary>
/// Content-addressed cell ids: the first 16 bytes of SHA-256, as 32 lowercase hex characters, over a canonical text
/// of everything that determines a cell's numbers.
/// </summary>
/// <remarks>
/// The canonical text is one item per line ("\n"): <see cref="SchemaVersion"/>; <c>model=</c>; <c>n=</c>; one
/// <c>parameter name=value</c> line per resolved parameter in ordinal name order; one line per analysis (ordinal
/// order) with its knobs in ordinal order, or <c>off</c>; <c>seed=</c>; <c>realizations=</c>. Numbers use the
/// invariant round-trip form ("R", −0 as 0). A choice is written by its name and a flag as true/false rather than
/// as an index, so that reordering the choices in <c>ModelCatalog</c> cannot silently alias two cells.
/// Not included: the sweep name, the cell's index, the axis order, the output folder — a cell computed in one sweep
/// is the same cell in another. Bump <see cref="SchemaVersion"/> when a cell's meaning changes without its text
/// changing — a new or renamed column, a new status rule, a numerical fix — so stored results are not reused. The cells'
/// output shape (every metric, status and series name per family) is pinned to the version by a test
/// (<c>CellShapeTests</c>); a change of the numbers under the same names needs the bump by hand.
/// <para>
/// Versions: v1, the first cells; v2 (issue 15), per-scale Lyapunov columns and <c>bistable</c>, the adiabatic reset gate,
/// the isometry analysis, theory values that are null unless converged with <c>theory_*_status</c> beside them, the
/// minimalRNN branch count and saddle-node column, the theory-assumption flags.
/// </para>
/// </remarks>
public static class CellIdentity
{
    public const string SchemaVersion = "orleanssweep-cell/v2";

    /// <summary>The cell id. Missing <paramref name="parameters"/> take their defaults; unknown names throw.</summary>
    public static string Compute(
        ModelFamily family, int n, IReadOnlyDictionary<string, double> parameters, AnalysisSettings analyses, ulong seed, int realizations,
        Disorder disorder = Disorder.PerCell) =>
        ContentHash.Of(CanonicalText(family, n, parameters, analyses, seed, realizations, disorder));

    /// <summary>The text that <see cref="Compute"/> hashes.</summary>
    public static string CanonicalText(
        ModelFamily family, int n, IReadOnlyDictionary<string, double> parameters, AnalysisSettings analyses, ulong seed, int realizations,
        Disorder disorder = Disorder.PerCell)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(realizations, 1);
        var definitions = ModelCatalog.ParametersOf(family).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var lines = new List<string>
        {
            SchemaVersion,
            $"model={ModelCatalog.NameOf(family)}",
            $"n={CanonicalNumber.Format(n)}",
        };
        foreach (var (name, value) in ModelCatalog.Resolve(family, parameters).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.Add($"parameter {name}={ValueText(definitions[name], value)}");
        }

        lines.Add(analyses.CanonicalText());
        lines.Add($"seed={CanonicalNumber.Format(seed)}");
        lines.Add($"realizations={CanonicalNumber.Format(realizations)}");
        if (disorder == Disorder.Shared)
        {
            lines.Add("disorder=shared"); // only when shared: per-cell ids stay what they were, and stored cells stay valid
        }

        return string.Join("\n", lines);
    }

    private static string ValueText(ParameterDefinition definition, double value) => definition.Kind switch
    {
        ParameterKind.Flag => value != 0 ? "true" : "false",
        ParameterKind.Choice => definition.Choices![(int)value],
        _ => CanonicalNumber.Format(value),
    };
}
