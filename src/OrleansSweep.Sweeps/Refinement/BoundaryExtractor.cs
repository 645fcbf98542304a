using System.Collections.ObjectModel;
using OrleansSweep.Sweeps.Grid;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// Turns a straddling pair of neighbouring leaves into a <see cref="BoundaryPoint"/>: the linear interpolation of the
/// level crossing between the two samples, in each refined axis' coordinate (ln x on a log axis, where a power law is
/// a straight line), and its standard error from the two SEMs (<see cref="CrossingTest"/>).
/// </summary>
internal static class BoundaryExtractor
{
    public static BoundaryPoint PointOf(RefineLattice lattice, RefineTree tree, CellDefinition cellA, CellDefinition cellB, NodeKey a, NodeKey b, int pairAxis)
    {
        var settings = lattice.Settings;
        var (sampleA, sampleB) = (tree.SampleOf(a), tree.SampleOf(b));
        var (meanA, meanB) = (sampleA.Mean!.Value, sampleB.Mean!.Value);
        var (t, _) = CrossingTest.Interpolate(meanA, sampleA.Noise, meanB, sampleB.Noise, settings.Level);
        var tSem = FractionSem(lattice, tree, a, b, pairAxis, t);
        var coordinates = new BoundaryCoordinate[lattice.Axes.Count];
        for (var i = 0; i < coordinates.Length; i++)
        {
            var axis = lattice.Axes[i];
            var (uA, uB) = (axis.SampleCoordinate(a.Depth, a.Position(i)), axis.SampleCoordinate(b.Depth, b.Position(i)));
            var (xA, xB) = (axis.SampleValue(a.Depth, a.Position(i)), axis.SampleValue(b.Depth, b.Position(i)));
            var value = t == 0 ? xA : t == 1 ? xB : axis.ToValue(uA + t * (uB - uA));
            // Along an axis where both samples sit at the same coordinate the crossing has no freedom: 0, not ∞ × 0 = NaN.
            var coordinateSem = uB == uA ? 0 : tSem * Math.Abs(uB - uA);
            var sem = axis.IsLog ? value * coordinateSem : coordinateSem;
            coordinates[i] = new BoundaryCoordinate(axis.Name, value, sem, Math.Min(xA, xB), Math.Max(xA, xB));
        }

        var refined = settings.Axes.ToHashSet(StringComparer.Ordinal);
        var slice = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in cellA.AxisValues.Where(p => !refined.Contains(p.Key)))
        {
            slice[name] = value;
        }

        return new BoundaryPoint(
            new ReadOnlyDictionary<string, double>(slice),
            new ReadOnlyCollection<BoundaryCoordinate>(coordinates),
            t,
            tSem,
            cellA.CellId,
            cellB.CellId,
            cellA.Index,
            cellB.Index,
            Math.Max(a.Depth, b.Depth),
            CrossingTest.Splits(meanA, sampleA.Noise, meanB, sampleB.Noise, settings.Level, lattice.SplitSigmas));
    }

    /// <summary>
    /// σ_t: the noise of the interpolated level, √((1 − t)² s_A² + t² s_B²), over the slope along the pair's axis times
    /// the pair's separation. The slope is the smaller of the pair's own and the four-cell stencil's
    /// (<see cref="StencilSlope"/>); with the pair's slope alone this is the first-order propagation of
    /// <see cref="CrossingTest"/>. +∞ when the stencil is flat: the crossing is then not located.
    /// </summary>
    private static double FractionSem(RefineLattice lattice, RefineTree tree, NodeKey a, NodeKey b, int pairAxis, double t)
    {
        var (sampleA, sampleB) = (tree.SampleOf(a), tree.SampleOf(b));
        var noise = Math.Sqrt(Math.Pow((1 - t) * sampleA.Noise, 2) + Math.Pow(t * sampleB.Noise, 2));
        if (noise == 0)
        {
            return 0;
        }

        var axis = lattice.Axes[pairAxis];
        double Coordinate(NodeKey key) => axis.SampleCoordinate(key.Depth, key.Position(pairAxis));
        var separation = Math.Abs(Coordinate(b) - Coordinate(a));
        var slope = Math.Abs(sampleB.Mean!.Value - sampleA.Mean!.Value) / separation;
        var stencil = new List<(double, double, double)>();
        foreach (var key in new[] { tree.Beyond(a, pairAxis, -1), a, b, tree.Beyond(b, pairAxis, +1) })
        {
            if (key is { } k && tree.SampleOf(k) is { HasValue: true } sample)
            {
                stencil.Add((Coordinate(k), sample.Mean!.Value, sample.Noise));
            }
        }

        if (StencilSlope.Fit(stencil) is { } wide)
        {
            slope = Math.Min(slope, Math.Abs(wide));
        }

        return noise / slope / separation;
    }
}
