using System.Collections.ObjectModel;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Grid;

/// <summary>
/// The cells of a validated sweep, in a deterministic order: row-major over the axes in the order the spec writes
/// them, the last axis varying fastest. Any cell can be made from its index alone, so the grid is never materialised.
/// </summary>
/// <remarks>Thread-safe: the grid is immutable after construction.</remarks>
public sealed class SweepGrid
{
    private readonly SweepSpec spec;
    private readonly double[][] points;

    public SweepGrid(ValidatedSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        spec = sweep.Spec;
        points = [.. spec.Grid.Select(axis => axis.Points().ToArray())];
        Count = sweep.CellCount;
    }

    /// <summary>The axes, in the spec's order.</summary>
    public IReadOnlyList<SweepAxis> Axes => spec.Grid;

    /// <summary>The number of cells (1 when the spec has no grid).</summary>
    public int Count { get; }

    /// <summary>Every cell of <paramref name="sweep"/>, in index order.</summary>
    public static IEnumerable<CellDefinition> Expand(ValidatedSweep sweep, CancellationToken cancellationToken = default) =>
        new SweepGrid(sweep).Cells(cancellationToken);

    /// <summary>The cell at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public CellDefinition CellAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);

        // Mixed-radix digits of the index, the last axis being the least significant.
        var coordinates = new int[points.Length];
        var remainder = index;
        for (var axis = points.Length - 1; axis >= 0; axis--)
        {
            coordinates[axis] = remainder % points[axis].Length;
            remainder /= points[axis].Length;
        }

        var point = new double[points.Length];
        for (var axis = 0; axis < points.Length; axis++)
        {
            point[axis] = points[axis][coordinates[axis]];
        }

        return CellAtPoint(index, point);
    }

    /// <summary>
    /// The cell with <paramref name="point"/> as its axis values (one per axis, in the spec's order), labelled
    /// <paramref name="index"/>. Grid cells and refinement children (points between the grid points) are made here
    /// alike, so a cell's id and random streams depend only on what it computes.
    /// </summary>
    public CellDefinition CellAtPoint(int index, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNotEqual(point.Count, points.Length);
        var axisValues = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        var values = new Dictionary<string, double>(spec.Parameters, StringComparer.Ordinal);
        var n = spec.N ?? 0;
        for (var axis = 0; axis < points.Length; axis++)
        {
            var name = spec.Grid[axis].Name;
            var value = point[axis];
            axisValues[name] = value;
            if (spec.Grid[axis].IsUnitCount)
            {
                n = (int)value;
            }
            else
            {
                values[name] = value;
            }
        }

        var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in ModelCatalog.Resolve(spec.Model, values))
        {
            parameters[name] = value;
        }

        var id = CellIdentity.Compute(spec.Model, n, parameters, spec.Analyses, spec.Seed, spec.Realizations, spec.Disorder);
        return new CellDefinition(
            id,
            index,
            spec.Model,
            n,
            new ReadOnlyDictionary<string, double>(parameters),
            new ReadOnlyDictionary<string, double>(axisValues),
            spec.Analyses,
            spec.Seed,
            spec.Realizations,
            spec.Disorder);
    }

    /// <summary>Every cell, in index order; observes <paramref name="cancellationToken"/> between cells.</summary>
    public IEnumerable<CellDefinition> Cells(CancellationToken cancellationToken = default)
    {
        for (var index = 0; index < Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return CellAt(index);
        }
    }
}
