using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// A sweep spec as read from JSON: one model family, fixed parameters, a grid of parameter points and the analyses
/// run at every point. Only <see cref="SpecLoader"/> makes one, and only inside a <see cref="ValidatedSweep"/>.
/// </summary>
/// <remarks>
/// Values follow <see cref="ParameterDefinition"/>: every parameter is a double (flags 0/1, choices the index into
/// the choices). Record equality compares collections by reference; compare <see cref="ValidatedSweep.Fingerprint"/>
/// to ask whether two specs describe the same computation.
/// </remarks>
/// <param name="Name">Sweep name: letters, digits, '.', '_' and '-', starting with a letter or digit.</param>
/// <param name="Model">The model family.</param>
/// <param name="N">Units per network; null when the grid sweeps <c>n</c>.</param>
/// <param name="Realizations">Independent networks (and initial states) per cell, each with its own streams.</param>
/// <param name="Seed">Root of every random stream (with the cell id, realisation and role; see StreamKeys).</param>
/// <param name="Parameters">Fixed parameter values as written (defaults not filled), by ordinal name.</param>
/// <param name="Grid">Axes in the order written; the last varies fastest.</param>
/// <param name="Analyses">The analyses every cell runs.</param>
/// <param name="Output">Output folder, <c>out/&lt;name&gt;</c> unless given; relative paths are resolved by the caller.</param>
/// <param name="MemoryLimitGb">The memory limit in GiB (2³⁰ bytes); null means 75 % of the machine's memory.</param>
/// <param name="Description">Free text, for people.</param>
/// <param name="Refine">Adaptive refinement after the coarse grid (see <see cref="RefineSettings"/>); null for a plain grid.</param>
/// <param name="Disorder">Whether cells draw their own networks or share them (see <see cref="Specs.Disorder"/>).</param>
public sealed record SweepSpec(
    string Name,
    ModelFamily Model,
    int? N,
    int Realizations,
    ulong Seed,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyList<SweepAxis> Grid,
    AnalysisSettings Analyses,
    string Output,
    double? MemoryLimitGb,
    string? Description,
    RefineSettings? Refine = null,
    Disorder Disorder = Disorder.PerCell)
{
    public const int DefaultRealizations = 1;
    public const ulong DefaultSeed = 0;

    /// <summary>Largest N accepted (dense analyses are out of reach long before; the memory check usually bites first).</summary>
    public const int MaxN = 1_000_000;

    /// <summary>Largest number of cells in one sweep; split bigger maps into several specs.</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>The default output folder of a sweep called <paramref name="name"/>.</summary>
    public static string DefaultOutput(string name) => $"out/{name}";

    /// <summary>The axis that sweeps N, if any.</summary>
    public SweepAxis? UnitCountAxis => Grid.FirstOrDefault(a => a.IsUnitCount);

    /// <summary>The number of cells: the product of the axis lengths (1 without a grid).</summary>
    public long CellCount => Grid.Aggregate(1L, (product, axis) => product * axis.Count);

    /// <summary>The smallest N of the sweep.</summary>
    public int SmallestN => UnitCountAxis is { } axis ? (int)axis.Points().Min() : N ?? 0;

    /// <summary>The largest N of the sweep.</summary>
    public int LargestN => UnitCountAxis is { } axis ? (int)axis.Points().Max() : N ?? 0;
}
