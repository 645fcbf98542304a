using System.Globalization;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Rules across fields, checked after every field is read: N is given, the grid is not too large, the analyses fit
/// the state dimension and each other, and the sweep fits in memory. A rule is skipped when a field it needs is
/// itself wrong, so that one mistake gives one error.
/// </summary>
internal sealed partial class SpecReader
{
    private void CheckRules()
    {
        var unitAxis = axes.FirstOrDefault(a => a.IsUnitCount);
        var unitsKnown = n is not null || unitAxis is not null;
        if (!unitsKnown && !errors.Any("n") && !errors.Any("grid.n"))
        {
            errors.Add("n", "is missing: the number of units per network.", "add \"n\": 100, or sweep it with \"grid\": {\"n\": {\"values\": [50, 100, 200]}}");
        }

        var cellCount = axes.Aggregate(1.0, (product, axis) => product * axis.Count);
        if (cellCount > SweepSpec.MaxCells)
        {
            errors.Add("grid", $"has {cellCount.ToString("N0", CultureInfo.InvariantCulture)} cells, over the limit of {SweepSpec.MaxCells.ToString("N0", CultureInfo.InvariantCulture)}.", "use fewer steps or values, or split the map into several specs");
            return;
        }

        CheckAnalysesTogether();
        CheckResetGate();
        CheckIsometryModel();
        if (model is not { } family || !unitsKnown || errors.Any("n") || errors.Any("grid.n"))
        {
            return;
        }

        var smallest = unitAxis is null ? n!.Value : (int)unitAxis.Points().Min();
        var largest = unitAxis is null ? n!.Value : (int)unitAxis.Points().Max();
        var unitsField = unitAxis is null ? "n" : "grid.n";
        CheckExponents(family, smallest);
        CheckMemory(family, largest, (long)cellCount, unitsField);
    }

    private void CheckAnalysesTogether()
    {
        if (analyses.Lyapunov is { } lyapunov && !errors.Any("analyses.lyapunov") &&
            lyapunov.AveragingTime / lyapunov.Windows < lyapunov.OrthonormalizationInterval)
        {
            var window = CanonicalNumber.Show(lyapunov.AveragingTime / lyapunov.Windows);
            errors.Add(
                "analyses.lyapunov.windows",
                $"splits averagingTime = {CanonicalNumber.Show(lyapunov.AveragingTime)} into {lyapunov.Windows} windows of {window}, shorter than one orthonormalizationInterval ({CanonicalNumber.Show(lyapunov.OrthonormalizationInterval)}).",
                "use fewer windows, a longer averagingTime, or a shorter orthonormalizationInterval");
        }

        if (analyses.Spectrum is { AtFixedPoints: true } && analyses.FixedPoints is null && !errors.Any("analyses.fixedPoints"))
        {
            errors.Add("analyses.spectrum.atFixedPoints", "is true, but the fixedPoints analysis is off, so there are no fixed points to take spectra at.", "add \"fixedPoints\": {} to analyses, or set atFixedPoints to false");
        }
    }

    private void CheckExponents(ModelFamily family, int smallestN)
    {
        if (analyses.Lyapunov is not { } lyapunov || errors.Any("analyses.lyapunov.exponents"))
        {
            return;
        }

        var dimension = ModelCatalog.StateDimension(family, smallestN);
        if (lyapunov.Exponents > dimension)
        {
            var perUnit = ModelCatalog.StateDimension(family, 1);
            var formula = perUnit == 1 ? "D = N" : $"D = {perUnit}N";
            errors.Add(
                "analyses.lyapunov.exponents",
                $"asks for {lyapunov.Exponents} exponents, but the state dimension is only D = {dimension} at n = {smallestN} ({ModelCatalog.NameOf(family)}: {formula}).",
                $"use at most {dimension} exponents, or a larger n");
        }
    }

    private void CheckMemory(ModelFamily family, int largestN, long cellCount, string unitsField)
    {
        if (errors.Any("analyses") || errors.Any("memoryLimitGb"))
        {
            return;
        }

        var limit = memoryLimitGb is { } gb ? ToBytes(gb) : machine.DefaultMemoryLimitBytes;
        var estimate = MemoryModel.Estimate(family, largestN, analyses, cellCount, machine.ProcessorCount, limit);
        memory = estimate;
        if (estimate.Fits)
        {
            return;
        }

        var limitSource = memoryLimitGb is null ? "75 % of this machine's memory" : "memoryLimitGb";
        var dense = analyses.Spectrum is not null || analyses.FixedPoints is not null
            ? "drop spectrum/fixedPoints (dense D×D matrices), "
            : string.Empty;
        errors.Add(
            unitsField,
            $"is too large for memory: a {ModelCatalog.NameOf(family)} cell at n = {largestN} (D = {ModelCatalog.StateDimension(family, largestN)}) needs about {MemoryEstimate.Format(estimate.PerCellBytes)} at its peak, and {RunAtOnce(estimate.ConcurrentCells)}, {MemoryEstimate.Format(estimate.TotalBytes)} in all, over the limit of {MemoryEstimate.Format(limit)} ({limitSource}).",
            $"use a smaller n, {dense}or raise memoryLimitGb if the machine has the memory");
    }

    /// <summary>GiB (2³⁰ bytes) to bytes, saturating instead of wrapping.</summary>
    private static long ToBytes(double gibibytes)
    {
        var bytes = gibibytes * (1L << 30);
        return bytes >= 9.2e18 ? long.MaxValue : (long)bytes;
    }

    private static string RunAtOnce(int cells) => cells == 1 ? "1 cell runs at once" : $"{cells} cells run at once";
}
