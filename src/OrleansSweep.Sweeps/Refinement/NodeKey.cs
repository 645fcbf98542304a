namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// A cell of the refinement tree: its slice (the coarse grid index with the refined axes' digits zeroed, i.e. the
/// values of the axes that are not refined), its depth, and its lattice position along each refined axis at that
/// depth (coarse index · 2^depth + sub-cell). <see cref="P1"/> is 0 with one refined axis.
/// </summary>
internal readonly record struct NodeKey(int Slice, int Depth, long P0, long P1)
{
    /// <summary>The cell this one was split from (depth ≥ 1).</summary>
    public NodeKey Parent() => new(Slice, Depth - 1, P0 >> 1, P1 >> 1);

    /// <summary>
    /// Child <paramref name="digit"/> (0 … 2^axes − 1): bit a of the digit selects the upper half along refined axis a.
    /// </summary>
    public NodeKey Child(int digit) => new(Slice, Depth + 1, (P0 << 1) | (uint)(digit & 1), (P1 << 1) | (uint)((digit >> 1) & 1));

    /// <summary>The position along refined axis <paramref name="axis"/>.</summary>
    public long Position(int axis) => axis == 0 ? P0 : P1;

    /// <summary>This key moved by <paramref name="step"/> lattice cells along <paramref name="axis"/>.</summary>
    public NodeKey Shifted(int axis, long step) => axis == 0 ? this with { P0 = P0 + step } : this with { P1 = P1 + step };

    /// <summary>The ancestor at <paramref name="depth"/> (≤ <see cref="Depth"/>) that contains this cell.</summary>
    public NodeKey AncestorAt(int depth) => new(Slice, depth, P0 >> (Depth - depth), P1 >> (Depth - depth));
}
