namespace OrleansSweep.Science.Lyapunov;

/// <summary>Turns the accumulators of a finished (or stopped) run into a <see cref="LyapunovResult"/>.</summary>
internal static class LyapunovSummary
{
    public static LyapunovResult Build(
        BenettinRun run, Schedule schedule, RunProgress progress, LyapunovOptions options, double timeStep, string kernels)
    {
        var averagingTime = schedule.WindowTime * options.Windows;
        if (progress != RunProgress.Running)
        {
            var outcome = progress == RunProgress.Cancelled
                ? AnalysisOutcome.Cancelled
                : AnalysisOutcome.Diverged($"the state or tangent basis left the bounded range at t = {DivergedAt(run, timeStep)}");
            return Unusable(run, outcome, averagingTime, timeStep, kernels, progress == RunProgress.Diverged ? DivergedAt(run, timeStep) : double.NaN);
        }

        var spectrum = run.LogSums.Select(sum => sum / averagingTime).OrderDescending().ToArray();
        var windows = run.WindowLogs.Select(sum => sum / schedule.WindowTime).ToArray();
        var twinWindows = run.TwinWindowLogs.Select(sum => sum / schedule.WindowTime).ToArray();
        var spread = SampleStandardDeviation(windows);
        var standardError = spread / Math.Sqrt(windows.Length);
        var maxExponent = spectrum[0];
        var tolerance = Math.Max(options.ConvergenceTolerance, options.RelativeConvergenceTolerance * Math.Abs(maxExponent));
        var converged = standardError <= tolerance
            ? AnalysisOutcome.Converged
            : AnalysisOutcome.NotConverged($"standard error {standardError:G3} of λ_max over {windows.Length} windows exceeds {tolerance:G3}");
        var (dimension, lowerBound) = KaplanYorke(spectrum);
        var volume = run.VolumeSource switch
        {
            VolumeRateSource.VectorFieldTrace => run.VolumeSum / run.AveragedSteps,
            VolumeRateSource.MapLogDeterminant => run.VolumeSum / run.AveragedSteps / timeStep,
            _ => double.NaN,
        };
        return new LyapunovResult
        {
            Outcome = converged,
            Spectrum = spectrum,
            MaxExponent = maxExponent,
            Sum = spectrum.Sum(),
            KaplanYorkeDimension = dimension,
            KaplanYorkeIsLowerBound = lowerBound,
            EntropyRate = spectrum.Where(l => l > 0).Sum(),
            EntropyRateIsLowerBound = run.K < run.Dimension && spectrum[^1] > 0,
            WindowMaxExponents = windows,
            WindowSpread = spread,
            StandardError = standardError,
            TwinMaxExponent = options.Twin ? twinWindows.Average() : double.NaN,
            TwinWindowSpread = options.Twin ? SampleStandardDeviation(twinWindows) : double.NaN,
            VolumeGrowthRate = volume,
            VolumeSource = run.VolumeSource,
            MeanSquareState = run.MeanSquare.Select(sum => sum / run.AveragedSteps).ToArray(),
            FinalState = run.State.ToArray(),
            AveragingTime = averagingTime,
            Steps = run.Step,
            TimeStep = timeStep,
            StepsPerOrthonormalization = run.StepsPerRound,
            DivergenceTime = double.NaN,
            Kernels = kernels,
        };
    }

    /// <summary>
    /// Kaplan–Yorke dimension of a descending (partial) spectrum: j + S_j/|λ_{j+1}| with S_j the largest non-negative
    /// partial sum; (k, true) when no partial sum is negative, 0 when λ_1 &lt; 0.
    /// </summary>
    public static (double Dimension, bool IsLowerBound) KaplanYorke(IReadOnlyList<double> descending)
    {
        var partial = 0.0;
        for (var j = 0; j < descending.Count; j++)
        {
            var next = partial + descending[j];
            if (next < 0)
            {
                return (j + (partial / Math.Abs(descending[j])), false);
            }

            partial = next;
        }

        return (descending.Count, true);
    }

    public static double SampleStandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return Math.Sqrt(sum / (values.Count - 1));
    }

    private static double DivergedAt(BenettinRun run, double timeStep) =>
        double.IsNaN(run.DivergenceTime) ? run.Step * timeStep : run.DivergenceTime;

    private static LyapunovResult Unusable(
        BenettinRun run, AnalysisOutcome outcome, double averagingTime, double timeStep, string kernels, double divergenceTime)
    {
        var nan = Enumerable.Repeat(double.NaN, run.K).ToArray();
        return new LyapunovResult
        {
            Outcome = outcome,
            Spectrum = nan,
            MaxExponent = double.NaN,
            Sum = double.NaN,
            KaplanYorkeDimension = double.NaN,
            KaplanYorkeIsLowerBound = false,
            EntropyRate = double.NaN,
            EntropyRateIsLowerBound = false,
            WindowMaxExponents = [],
            WindowSpread = double.NaN,
            StandardError = double.NaN,
            TwinMaxExponent = double.NaN,
            TwinWindowSpread = double.NaN,
            VolumeGrowthRate = double.NaN,
            VolumeSource = VolumeRateSource.None,
            MeanSquareState = Enumerable.Repeat(double.NaN, run.Dimension).ToArray(),
            FinalState = run.State.ToArray(),
            AveragingTime = averagingTime,
            Steps = run.Step,
            TimeStep = timeStep,
            StepsPerOrthonormalization = run.StepsPerRound,
            DivergenceTime = divergenceTime,
            Kernels = kernels,
        };
    }
}
