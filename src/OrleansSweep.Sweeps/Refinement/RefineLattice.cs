using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// The numbering of refinement cells: every possible cell of every coarse cell's tree has a fixed index, so that an
/// index alone (stored with a result, carried by CellAnalyzed) identifies the cell, its depth and its extent — which is
/// what resuming a refined sweep needs.
/// </summary>
/// <remarks>
/// Coarse cells keep their grid index (0 … C − 1). The cells below coarse cell c are numbered after all coarse cells:
/// C + c·T + offset(d) + z, where T = Σ_{d=1..depth} k^d is the number of cells below one coarse cell (k = 2^axes),
/// offset(d) = Σ_{j=1..d−1} k^j, and z is the Morton (bit-interleaved) number of the sub-cell at depth d. The largest
/// index is the worst-case cell count minus one, which validation keeps within <see cref="int.MaxValue"/>.
/// Indices are therefore sparse: a refined phase map's cell_index has gaps where cells were not split.
/// </remarks>
internal sealed class RefineLattice
{
    private readonly long[] strides;
    private readonly long[] levelOffsets;

    public RefineLattice(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Settings = spec.Refine ?? throw new ArgumentException("The spec has no refine block.", nameof(spec));
        SharedNoise = SharedDisorderNoise.For(spec, Settings.Metric);
        SplitSigmas = SharedNoise is { } shared
            ? StudentSigmas.ForDegreesOfFreedom(Settings.Sigmas, shared.DegreesOfFreedom)
            : StudentSigmas.For(Settings.Sigmas, spec.Realizations);
        var grid = spec.Grid;
        Axes = [.. Settings.Axes.Select(name => new RefineAxis(grid.First(a => a.Name == name), IndexOf(grid, name)))];
        strides = new long[grid.Count];
        var stride = 1L;
        for (var a = grid.Count - 1; a >= 0; a--)
        {
            strides[a] = stride;
            stride *= grid[a].Count;
        }

        CoarseCount = checked((int)stride);
        Children = 1 << Axes.Count;
        levelOffsets = new long[Settings.Depth + 2];
        for (var d = 1; d <= Settings.Depth + 1; d++)
        {
            levelOffsets[d] = d == 1 ? 0 : levelOffsets[d - 1] + Pow(Children, d - 1);
        }

        NodesPerTree = levelOffsets[Settings.Depth + 1];
    }

    public RefineSettings Settings { get; }

    /// <summary>
    /// The k the split rule applies to errors estimated from the spec's realisations (<see cref="StudentSigmas"/>), or
    /// from their windows when the cells share their networks (<see cref="SharedDisorderNoise"/>).
    /// </summary>
    public double SplitSigmas { get; }

    /// <summary>The finite-time error the split rule weighs cells by with shared disorder; null when it uses the SEMs.</summary>
    public SharedDisorderNoise? SharedNoise { get; }

    /// <summary>The refined axes, in grid order.</summary>
    public IReadOnlyList<RefineAxis> Axes { get; }

    /// <summary>The coarse grid's cell count C.</summary>
    public int CoarseCount { get; }

    /// <summary>k: children of one split.</summary>
    public int Children { get; }

    /// <summary>T: cells below one coarse cell when every cell is split.</summary>
    public long NodesPerTree { get; }

    /// <summary>The number of lattice cells along refined axis <paramref name="axis"/> at <paramref name="depth"/>.</summary>
    public long Extent(int axis, int depth) => (long)Axes[axis].Count << depth;

    /// <summary>The root (depth 0) of coarse cell <paramref name="coarseIndex"/>.</summary>
    public NodeKey Root(int coarseIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coarseIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(coarseIndex, CoarseCount);
        long slice = coarseIndex;
        var p = new long[2];
        for (var a = 0; a < Axes.Count; a++)
        {
            var s = strides[Axes[a].GridPosition];
            p[a] = coarseIndex / s % Axes[a].Count;
            slice -= p[a] * s;
        }

        return new NodeKey((int)slice, 0, p[0], p[1]);
    }

    /// <summary>The grid index of the coarse cell that contains <paramref name="key"/>.</summary>
    public int CoarseIndex(NodeKey key)
    {
        long index = key.Slice;
        for (var a = 0; a < Axes.Count; a++)
        {
            index += (key.Position(a) >> key.Depth) * strides[Axes[a].GridPosition];
        }

        return (int)index;
    }

    /// <summary>The index of <paramref name="key"/> (see the remarks).</summary>
    public int IndexOf(NodeKey key)
    {
        var coarse = CoarseIndex(key);
        if (key.Depth == 0)
        {
            return coarse;
        }

        var mask = (1L << key.Depth) - 1;
        long morton = 0;
        for (var bit = 0; bit < key.Depth; bit++)
        {
            for (var a = 0; a < Axes.Count; a++)
            {
                morton |= ((key.Position(a) & mask) >> bit & 1) << (bit * Axes.Count + a);
            }
        }

        return checked((int)(CoarseCount + coarse * NodesPerTree + levelOffsets[key.Depth] + morton));
    }

    /// <summary>The cell numbered <paramref name="index"/>; throws when no cell of this refinement has that index.</summary>
    public NodeKey KeyOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index < CoarseCount)
        {
            return Root(index);
        }

        var below = index - (long)CoarseCount;
        var coarse = NodesPerTree == 0 ? CoarseCount : below / NodesPerTree;
        if (coarse >= CoarseCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"beyond the worst-case cell count {CoarseCount * (1 + NodesPerTree)} of this refinement");
        }

        var code = below % NodesPerTree;
        var depth = 1;
        while (depth < Settings.Depth && code >= levelOffsets[depth + 1])
        {
            depth++;
        }

        var morton = code - levelOffsets[depth];
        var root = Root((int)coarse);
        var p = new long[2];
        for (var a = 0; a < Axes.Count; a++)
        {
            long sub = 0;
            for (var bit = 0; bit < depth; bit++)
            {
                sub |= (morton >> (bit * Axes.Count + a) & 1) << bit;
            }

            p[a] = (root.Position(a) << depth) | sub;
        }

        return new NodeKey(root.Slice, depth, p[0], p[1]);
    }

    private static int IndexOf(IReadOnlyList<SweepAxis> grid, string name)
    {
        for (var i = 0; i < grid.Count; i++)
        {
            if (grid[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a grid axis.", nameof(name));
    }

    private static long Pow(int b, int e)
    {
        var result = 1L;
        for (var i = 0; i < e; i++)
        {
            result *= b;
        }

        return result;
    }
}
