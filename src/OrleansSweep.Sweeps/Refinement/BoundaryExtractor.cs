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
    public static BoundaryPoint PointOf(
        RefineLattice lattice, CellDefinition cellA, CellDefinition cellB, NodeKey a, NodeKey b, RefineSample sampleA, RefineSample sampleB)
    {
        var settings = lattice.Settings;
        var (meanA, meanB) = (sampleA.Mean!.Value, sampleB.Mean!.Value);
        var (t, tSem) = CrossingTest.Interpolate(meanA, sampleA.Noise, meanB, sampleB.Noise, settings.Level);
        var coordinates = new BoundaryCoordinate[lattice.Axes.Count];
        for (var i = 0; i < coordinates.Length; i++)
        {
            var axis = lattice.Axes[i];
            var (uA, uB) = (axis.SampleCoordinate(a.Depth, a.Position(i)), axis.SampleCoordinate(b.Depth, b.Position(i)));
            var (xA, xB) = (axis.SampleValue(a.Depth, a.Position(i)), axis.SampleValue(b.Depth, b.Position(i)));
            var value = t == 0 ? xA : t == 1 ? xB : axis.ToValue(uA + t * (uB - uA));
            var coordinateSem = tSem * Math.Abs(uB - uA);
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
            CrossingTest.Splits(meanA, sampleA.Noise, meanB, sampleB.Noise, settings.Level, settings.Sigmas));
    }
}
