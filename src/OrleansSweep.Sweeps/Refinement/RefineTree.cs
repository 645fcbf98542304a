namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// The refinement tree of the cells computed so far: which cells are leaves (they tile the refined plane of each
/// slice), which are still owed (pending), and which leaves are face neighbours.
/// </summary>
/// <remarks>
/// A cell is interior when all its children are computed; the leaves are the computed cells reached from the coarse
/// cells through interior cells. Children of a cell whose other children are still missing are not leaves yet (the
/// parent stands for the area), so a half-finished round gives a consistent tiling. Neighbours share a face of
/// positive length; corners are not compared, since a sign change between diagonal cells also shows on one of the
/// two face-connected paths around the corner. Every walk is bounded by the depth.
/// </remarks>
internal sealed class RefineTree
{
    private readonly RefineLattice lattice;
    private readonly Dictionary<NodeKey, RefineSample> computed = [];
    private readonly HashSet<NodeKey> interior = [];
    private readonly HashSet<NodeKey> leafSet = [];

    public RefineTree(RefineLattice lattice, IEnumerable<RefineSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        ArgumentNullException.ThrowIfNull(samples);
        this.lattice = lattice;
        foreach (var sample in samples)
        {
            ArgumentNullException.ThrowIfNull(sample, nameof(samples));
            if (!computed.TryAdd(lattice.KeyOf(sample.Index), sample))
            {
                throw new ArgumentException($"Cell index {sample.Index} is given twice; pass each computed cell once.", nameof(samples));
            }
        }

        var stack = new Stack<NodeKey>(computed.Keys.Where(k => k.Depth == 0));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = stack.Pop();
            var children = node.Depth < lattice.Settings.Depth ? ChildrenOf(node) : [];
            if (children.Length > 0 && children.All(computed.ContainsKey))
            {
                interior.Add(node);
                foreach (var child in children)
                {
                    stack.Push(child);
                }
            }
            else
            {
                leafSet.Add(node);
            }
        }

        Leaves = [.. leafSet.OrderBy(lattice.IndexOf)];
    }

    /// <summary>The leaves, in index order.</summary>
    public IReadOnlyList<NodeKey> Leaves { get; }

    /// <summary>The sample of a computed cell.</summary>
    public RefineSample SampleOf(NodeKey key) => computed[key];

    /// <summary>The children of <paramref name="key"/>, in digit order.</summary>
    public NodeKey[] ChildrenOf(NodeKey key) => [.. Enumerable.Range(0, lattice.Children).Select(key.Child)];

    /// <summary>
    /// Cells that must be computed before any split is decided: missing coarse cells, and the missing children of every
    /// cell that has a computed descendant (a round interrupted by a crash, or results passed in pieces). In index order.
    /// </summary>
    public IReadOnlyList<NodeKey> Pending(CancellationToken cancellationToken)
    {
        var needed = new HashSet<NodeKey>();
        for (var coarse = 0; coarse < lattice.CoarseCount; coarse++)
        {
            var root = lattice.Root(coarse);
            if (!computed.ContainsKey(root))
            {
                needed.Add(root);
            }
        }

        var expanded = new HashSet<NodeKey>();
        foreach (var key in computed.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Walks up until an ancestor is already marked, so each cell is marked once.
            var node = key;
            while (node.Depth > 0 && expanded.Add(node.Parent()))
            {
                node = node.Parent();
            }
        }

        foreach (var child in expanded.SelectMany(ChildrenOf).Where(c => !computed.ContainsKey(c)))
        {
            needed.Add(child);
        }

        return [.. needed.OrderBy(lattice.IndexOf)];
    }

    /// <summary>
    /// Every pair of face-neighbouring leaves once, as (A, B) with B on A's upper side (towards the last grid point)
    /// along the axis they share a face on; A in index order.
    /// </summary>
    public IEnumerable<(NodeKey A, NodeKey B, int Axis)> NeighbourPairs(CancellationToken cancellationToken)
    {
        foreach (var leaf in Leaves)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var axis = 0; axis < lattice.Axes.Count; axis++)
            {
                var target = leaf.Shifted(axis, 1);
                if (target.Position(axis) >= lattice.Extent(axis, leaf.Depth) || Deepest(target) is not { } node)
                {
                    continue;
                }

                if (leafSet.Contains(node))
                {
                    yield return (leaf, node, axis);
                    continue;
                }

                foreach (var neighbour in FaceLeaves(node, axis))
                {
                    yield return (leaf, neighbour, axis);
                }
            }
        }
    }

    /// <summary>
    /// The leaf just beyond <paramref name="leaf"/>'s face on <paramref name="side"/> (−1 or +1) along
    /// <paramref name="axis"/>: the leaf covering the same-size cell next to it or, where that area is split, the
    /// descendant touching the face (lower halves across the other axis, a deterministic choice). Null at the range's end.
    /// </summary>
    public NodeKey? Beyond(NodeKey leaf, int axis, int side)
    {
        var target = leaf.Shifted(axis, side);
        if (target.Position(axis) < 0 || target.Position(axis) >= lattice.Extent(axis, leaf.Depth) || Deepest(target) is not { } node)
        {
            return null;
        }

        // Interior cells only exist above the depth, so this descends at most Depth times.
        var digit = side > 0 ? 0 : 1 << axis;
        while (!leafSet.Contains(node))
        {
            node = node.Child(digit);
        }

        return node;
    }

    /// <summary>
    /// The tree cell covering <paramref name="target"/>'s area down to its depth: a leaf as large or larger, or an
    /// interior cell of the same depth; null when the coarse cell is missing.
    /// </summary>
    private NodeKey? Deepest(NodeKey target)
    {
        var node = target.AncestorAt(0);
        if (!leafSet.Contains(node) && !interior.Contains(node))
        {
            return null;
        }

        while (node.Depth < target.Depth && interior.Contains(node))
        {
            node = target.AncestorAt(node.Depth + 1);
        }

        return node;
    }

    /// <summary>The leaves inside <paramref name="node"/> that touch its lower face along <paramref name="axis"/>.</summary>
    private IEnumerable<NodeKey> FaceLeaves(NodeKey node, int axis)
    {
        var stack = new Stack<NodeKey>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var cell = stack.Pop();
            if (leafSet.Contains(cell))
            {
                yield return cell;
                continue;
            }

            for (var digit = lattice.Children - 1; digit >= 0; digit--)
            {
                if ((digit >> axis & 1) == 0)
                {
                    stack.Push(cell.Child(digit));
                }
            }
        }
    }
}
