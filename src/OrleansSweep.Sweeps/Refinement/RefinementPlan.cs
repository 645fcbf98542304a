using System.Collections.ObjectModel;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// Adaptive refinement of one validated sweep with a <c>refine</c> block: which cells to compute next given the
/// results so far, and the phase boundary they show. Pure and deterministic: the same set of results gives the same
/// cells, ids and order whatever order they are passed in. See docs/refinement.md.
/// </summary>
/// <remarks>
/// Use in rounds: start with no results (<see cref="NextCells"/> returns the coarse grid), compute every returned cell,
/// pass all results so far (failed cells too, with a null mean), repeat until it returns none; then call
/// <see cref="Boundary"/>. Cells still in flight must not be passed as missing and re-dispatched: call
/// <see cref="NextCells"/> at a round barrier, or drop duplicates by cell id (which the coordinator does anyway).
/// The loop ends: each cell splits at most once and no deeper than <see cref="RefineSettings.Depth"/>, so at most
/// <see cref="WorstCaseCellCount"/> cells are ever returned. Thread-safe: immutable after construction.
/// </remarks>
public sealed class RefinementPlan
{
    private readonly RefineLattice lattice;
    private readonly SweepGrid grid;
    private readonly SweepSpec spec;

    /// <summary>The plan of <paramref name="sweep"/>; throws when its spec has no refine block.</summary>
    public RefinementPlan(ValidatedSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        spec = sweep.Spec;
        lattice = new RefineLattice(spec);
        grid = new SweepGrid(sweep);
    }

    public RefineSettings Settings => lattice.Settings;

    /// <summary>
    /// The k the split rule applies to the cells' SEMs: the spec's <c>sigmas</c> read off Student's t with
    /// realisations − 1 degrees of freedom (equal to it with one realisation; see docs/refinement.md).
    /// </summary>
    public double SplitSigmas => lattice.SplitSigmas;

    /// <summary>
    /// With shared disorder and λ_max, the degrees of freedom of the finite-time error the split rule weighs differences
    /// by instead of the SEMs (<see cref="SharedDisorderNoise"/>); null when it uses the SEMs.
    /// </summary>
    public int? TimeNoiseDegreesOfFreedom => lattice.SharedNoise?.DegreesOfFreedom;

    /// <summary>The refined axes' names, in grid order.</summary>
    public IReadOnlyList<string> Axes => Settings.Axes;

    /// <summary>The number of coarse (grid) cells; their indices are 0 … count − 1, as in a plain sweep.</summary>
    public int CoarseCellCount => lattice.CoarseCount;

    /// <summary>The most cells this refinement can compute (every cell split to the full depth); all indices are below it.</summary>
    public long WorstCaseCellCount => Settings.WorstCaseCellCount(lattice.CoarseCount);

    /// <summary>
    /// The cell with refinement index <paramref name="index"/> (coarse cells: their grid index); throws
    /// <see cref="ArgumentOutOfRangeException"/> for an index no cell of this refinement has. Used to rebuild cells on resume.
    /// </summary>
    public RefinedCell CellAt(int index) => CellOf(lattice.KeyOf(index));

    /// <summary>
    /// The sample of a result, from its aggregated metrics (<c>CellAnalyzed.Metrics</c>): the metric and its SEM, or with
    /// shared disorder and λ_max the finite-time part of its error (<see cref="SharedDisorderNoise"/>).
    /// </summary>
    public RefineSample SampleOf(int index, IReadOnlyDictionary<string, double?> metrics)
    {
        var sample = RefineSample.FromMetrics(index, metrics, Settings.Metric);
        return lattice.SharedNoise?.Of(metrics) is { } timeNoise ? sample with { Sem = timeNoise } : sample;
    }

    /// <summary>
    /// The cells to compute next, in index order: the missing coarse cells and missing children of split cells first;
    /// when none are missing, the children of every leaf that the split rule (<see cref="CrossingTest"/>) marks
    /// against one of its neighbours and that is shallower than the depth. Empty when the refinement is done.
    /// </summary>
    /// <exception cref="ArgumentException">An index is given twice, or belongs to no cell of this refinement.</exception>
    public IReadOnlyList<RefinedCell> NextCells(IEnumerable<RefineSample> computed, CancellationToken cancellationToken = default)
    {
        var tree = new RefineTree(lattice, computed, cancellationToken);
        var pending = tree.Pending(cancellationToken);
        if (pending.Count > 0)
        {
            return [.. pending.Select(CellOf)];
        }

        var split = new HashSet<NodeKey>();
        foreach (var (a, b, _) in tree.NeighbourPairs(cancellationToken))
        {
            var (sa, sb) = (tree.SampleOf(a), tree.SampleOf(b));
            if (sa.HasValue && sb.HasValue &&
                CrossingTest.Splits(sa.Mean!.Value, sa.Noise, sb.Mean!.Value, sb.Noise, Settings.Level, lattice.SplitSigmas))
            {
                AddIfSplittable(split, a);
                AddIfSplittable(split, b);
            }
        }

        return [.. split.SelectMany(tree.ChildrenOf).OrderBy(lattice.IndexOf).Select(CellOf)];
    }

    /// <summary>
    /// The phase boundary: one point per pair of neighbouring leaves whose means straddle the level, in the order of
    /// (A's index, B's index). Call it when <see cref="NextCells"/> returns nothing (earlier, it is the boundary of the
    /// cells computed so far).
    /// </summary>
    public IReadOnlyList<BoundaryPoint> Boundary(IEnumerable<RefineSample> computed, CancellationToken cancellationToken = default)
    {
        var tree = new RefineTree(lattice, computed, cancellationToken);
        var points = new List<BoundaryPoint>();
        foreach (var (a, b, axis) in tree.NeighbourPairs(cancellationToken))
        {
            var (sa, sb) = (tree.SampleOf(a), tree.SampleOf(b));
            if (sa.HasValue && sb.HasValue && CrossingTest.Straddles(sa.Mean!.Value, sb.Mean!.Value, Settings.Level))
            {
                points.Add(BoundaryExtractor.PointOf(lattice, tree, CellOf(a).Cell, CellOf(b).Cell, a, b, axis));
            }
        }

        return [.. points.OrderBy(p => p.IndexA).ThenBy(p => p.IndexB)];
    }

    private void AddIfSplittable(HashSet<NodeKey> split, NodeKey key)
    {
        if (key.Depth < Settings.Depth)
        {
            split.Add(key);
        }
    }

    /// <summary>The cell of a tree position: the grid's point of its coarse cell with the refined axes at the cell's sample.</summary>
    private RefinedCell CellOf(NodeKey key)
    {
        var index = lattice.IndexOf(key);
        var coarse = lattice.CoarseIndex(key);
        var cell = grid.CellAt(coarse);
        var extents = new CellExtent[lattice.Axes.Count];
        if (key.Depth > 0)
        {
            var point = spec.Grid.Select(axis => cell.AxisValues[axis.Name]).ToArray();
            for (var a = 0; a < lattice.Axes.Count; a++)
            {
                var axis = lattice.Axes[a];
                point[axis.GridPosition] = axis.SampleValue(key.Depth, key.Position(a));
            }

            cell = grid.CellAtPoint(index, point);
        }

        for (var a = 0; a < lattice.Axes.Count; a++)
        {
            var (lower, upper) = lattice.Axes[a].Extent(key.Depth, key.Position(a));
            extents[a] = new CellExtent(lattice.Axes[a].Name, lower, upper);
        }

        return new RefinedCell(cell, key.Depth, new ReadOnlyCollection<CellExtent>(extents));
    }
}
