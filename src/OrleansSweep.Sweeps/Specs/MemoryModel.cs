using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Estimates the peak memory of one cell from its model family, N and analyses, so that a sweep too large for the
/// machine is rejected before any work starts.
/// </summary>
/// <remarks>
/// Counted in doubles (8 bytes), with D = <see cref="ModelCatalog.StateDimension"/> and m the N×N matrices of the
/// family (vanilla and minimal 2: W and the input weights V; rate 1; gru and gated 3; lstm 4; science.md §E):
/// <list type="bullet">
/// <item>weights m·N², plus 32·D for the state, integrator stages and scratch vectors;</item>
/// <item>lyapunov: the tangent basis and its image 2·D·k, the QR factor k², the twin trajectory 2·D;</item>
/// <item>spectrum: the dense Jacobian D² and the eigensolver workspace about 3·D², plus 2·D per sample;</item>
/// <item>fixedPoints: the Jacobian D² (factored in place) and the eigen workspace 3·D² for stability, plus
/// D per start (every start may converge to a distinct point that is kept for deduplication);</item>
/// <item>theory: negligible (mean-field equations of a few scalars).</item>
/// </list>
/// A cell runs its analyses one after another, so its peak is the weights and vectors plus the largest analysis.
/// It is an estimate of the dominant terms, not a bound: managed overhead adds a few MiB per cell.
/// </remarks>
public static class MemoryModel
{
    private const double BytesPerDouble = 8.0;

    /// <summary>The number of N×N weight matrices a network of <paramref name="family"/> holds.</summary>
    public static int WeightMatrices(ModelFamily family) => family switch
    {
        ModelFamily.Vanilla or ModelFamily.Minimal => 2,
        ModelFamily.Rate => 1,
        ModelFamily.Gru or ModelFamily.Gated => 3,
        ModelFamily.Lstm => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown model family"),
    };

    /// <summary>The estimated peak bytes of one cell with <paramref name="n"/> units (saturates at long.MaxValue).</summary>
    public static long PeakBytesPerCell(ModelFamily family, int n, AnalysisSettings analyses)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);

        // Doubles throughout: (3N)² overflows an int beyond N ≈ 15 000 (gated), and the estimate must never wrap.
        double units = n;
        var d = StateDimension(family, units);
        var doubles = WeightMatrices(family) * units * units + 32 * d;
        var largestAnalysis = 0.0;
        if (analyses.Lyapunov is { } lyapunov)
        {
            double k = lyapunov.Exponents;
            largestAnalysis = Math.Max(largestAnalysis, (2 * d * k) + (k * k) + (2 * d));
        }

        if (analyses.Spectrum is { } spectrum)
        {
            largestAnalysis = Math.Max(largestAnalysis, (4 * d * d) + (2 * d * spectrum.Samples));
        }

        if (analyses.FixedPoints is { } fixedPoints)
        {
            largestAnalysis = Math.Max(largestAnalysis, (4 * d * d) + (d * fixedPoints.Starts));
        }

        var bytes = BytesPerDouble * (doubles + largestAnalysis);
        return bytes >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(bytes);
    }

    /// <summary>The estimate for a sweep whose largest N is <paramref name="maxN"/> and which has <paramref name="cellCount"/> cells.</summary>
    public static MemoryEstimate Estimate(
        ModelFamily family, int maxN, AnalysisSettings analyses, long cellCount, int processorCount, long limitBytes)
    {
        var concurrent = (int)Math.Clamp(Math.Min(processorCount, cellCount), 1, int.MaxValue);
        return new MemoryEstimate(PeakBytesPerCell(family, maxN, analyses), concurrent, limitBytes);
    }

    // ModelCatalog.StateDimension in doubles, so that no N overflows.
    private static double StateDimension(ModelFamily family, double n) =>
        (double)ModelCatalog.StateDimension(family, 1) * n;
}
