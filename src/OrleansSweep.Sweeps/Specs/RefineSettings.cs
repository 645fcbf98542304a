using System.Globalization;
using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Adaptive refinement of a sweep (the spec's <c>refine</c> block): after the coarse grid, cells are split where
/// <see cref="Metric"/> crosses <see cref="Level"/> between neighbours, up to <see cref="Depth"/> times, along one or two
/// <see cref="Axes"/>. JSON: <c>"refine": {"metric": "lyapunov_max", "level": 0, "depth": 4, "axes": ["gH", "alphaR"]}</c>.
/// </summary>
/// <remarks>
/// The algorithm, the split rule and the output columns are described in docs/refinement.md and implemented in
/// <c>OrleansSweep.Sweeps.Refinement.RefinementPlan</c>. The block enters the spec fingerprint (it changes which
/// cells a sweep computes) but never a cell id: a refined sweep's coarse cells are the plain sweep's cells.
/// </remarks>
/// <param name="Metric">A metric column of the phase map (e.g. <c>lyapunov_max</c>), a theory column (<c>theory_g_c</c>) or <c>bistable</c>.</param>
/// <param name="Level">The level whose crossing is the boundary, in the metric's units.</param>
/// <param name="Depth">How many times a coarse cell may be halved along each refined axis (0 … <see cref="MaxDepth"/>).</param>
/// <param name="Axes">The refined grid axes (one or two), in the spec's grid order.</param>
/// <param name="Sigmas">
/// k of the split rule: a crossing between two neighbours whose means both lie within k standard errors of the level
/// is noise-compatible and does not split. For SEMs estimated from n realisations the rule applies the Student-t
/// quantile with the same tail probability (k = 2 → 3.31 with 4 realisations; see <c>StudentSigmas</c>).
/// </param>
public sealed record RefineSettings(string Metric, double Level, int Depth, IReadOnlyList<string> Axes, double Sigmas)
{
    /// <summary>Largest depth: 2⁸ = 256 finest cells per coarse cell and axis.</summary>
    public const int MaxDepth = 8;

    /// <summary>Depth when the spec leaves it out.</summary>
    public const int DefaultDepth = 4;

    /// <summary>k when the spec leaves it out: two standard errors (about 95 % two-sided for Gaussian means).</summary>
    public const double DefaultSigmas = 2;

    /// <summary>The knob names of the block, in the order of the schema.</summary>
    public static IReadOnlyList<string> KnobNames { get; } = ["metric", "level", "depth", "axes", "sigmas"];

    /// <summary>Children of one split: 2 (bisection) with one refined axis, 4 (quad split) with two.</summary>
    public int ChildrenPerSplit => 1 << Axes.Count;

    /// <summary>
    /// The largest number of cells the sweep can compute: every coarse cell split at every depth,
    /// coarse × Σ_{d=0..Depth} (2^r)^d with r refined axes. Saturates at <see cref="long.MaxValue"/>.
    /// </summary>
    public long WorstCaseCellCount(long coarseCells)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coarseCells);
        var perCoarse = 0.0;
        for (var d = 0; d <= Depth; d++)
        {
            perCoarse += Math.Pow(ChildrenPerSplit, d);
        }

        var total = perCoarse * coarseCells;
        return total >= long.MaxValue ? long.MaxValue : coarseCells * (long)perCoarse;
    }

    /// <summary>One line for <c>sweep validate</c>: what is refined and the worst-case cell count.</summary>
    public string Describe(long coarseCells)
    {
        var worst = WorstCaseCellCount(coarseCells);
        var axes = string.Join(" × ", Axes);
        return $"refines {Metric} = {CanonicalNumber.Show(Level)} over {axes} to depth {Depth} (k = {CanonicalNumber.Show(Sigmas)} SEM): " +
               $"at most {worst.ToString("N0", CultureInfo.InvariantCulture)} cells ({coarseCells.ToString("N0", CultureInfo.InvariantCulture)} coarse, " +
               $"{ChildrenPerSplit} children per split)";
    }

    /// <summary>Value equality: the axes compare by their names in order.</summary>
    public bool Equals(RefineSettings? other) =>
        other is not null && Metric == other.Metric && Level.Equals(other.Level) && Depth == other.Depth &&
        Sigmas.Equals(other.Sigmas) && Axes.SequenceEqual(other.Axes, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Metric, StringComparer.Ordinal);
        hash.Add(Level);
        hash.Add(Depth);
        hash.Add(Sigmas);
        foreach (var axis in Axes)
        {
            hash.Add(axis, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Writes the block with every default explicit, knobs in schema order (canonical spec and fingerprint).</summary>
    internal void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("metric", Metric);
        writer.WritePropertyName("level");
        writer.WriteRawValue(CanonicalNumber.Format(Level));
        writer.WriteNumber("depth", Depth);
        writer.WriteStartArray("axes");
        foreach (var axis in Axes)
        {
            writer.WriteStringValue(axis);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("sigmas");
        writer.WriteRawValue(CanonicalNumber.Format(Sigmas));
        writer.WriteEndObject();
    }
}
