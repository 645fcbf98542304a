using System.Diagnostics;
using OrleansSweep.Science;
using OrleansSweep.Science.FixedPoints;
using OrleansSweep.Science.Isometry;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Lyapunov;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using OrleansSweep.Science.Spectra;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>Runs the requested analyses on one seeded realisation of a cell's network.</summary>
/// <remarks>
/// Every stream derives from (spec seed, <see cref="CellKeys.NetworkKey"/>, realisation, role), so the numbers do not
/// depend on which worker, thread or retry computed them. Each analysis runs in its own span (a child of the
/// realisation's) carrying its status, convergence diagnostics and headline result.
/// </remarks>
internal sealed class RealizationAnalyzer(IDenseKernels kernels)
{
    public RealizationResult Analyze(CellDefinition cell, int realization, CancellationToken cancellationToken)
    {
        var key = CellKeys.NetworkKey(cell);
        var model = ModelCatalog.NameOf(cell.Family);
        RandomStream Stream(StreamRole role) => StreamKeys.Stream(cell.Seed, key, realization, role);

        var network = NetworkFactory.Create(new NetworkSpec(cell.Family, cell.N, cell.Parameters), NetworkStreams.For(cell.Seed, key, realization), kernels);
        var result = new RealizationResult();
        FixedPointReport? fixedPoints = null;
        if (cell.Analyses.FixedPoints is { } fixedPointSettings)
        {
            fixedPoints = TraceAnalysis(Spans.FixedPoints, model,
                () => FixedPointFinder.Find(network, Stream(StreamRole.FixedPointStarts), FixedPointOptionsFrom(fixedPointSettings), kernels, cancellationToken),
                report => TelemetryOutcome(report.Outcome), DescribeFixedPoints);
            RecordFixedPoints(result, fixedPoints);
        }

        if (cell.Analyses.Lyapunov is { } lyapunovSettings)
        {
            // One run per initial scale on the same network, all from the same streams: the initial states differ only
            // in scale, and the first scale gives exactly the numbers of a spec with one scale.
            var runs = new List<LyapunovResult>();
            foreach (var scale in lyapunovSettings.ScalesToRun)
            {
                var options = LyapunovOptionsFrom(lyapunovSettings, network.Dimension) with { InitialStateScale = scale };
                runs.Add(TraceAnalysis(Spans.Lyapunov, model,
                    () => LyapunovAnalysis.Run(network, Stream(StreamRole.InitialState), Stream(StreamRole.Basis), Stream(StreamRole.TwinPerturbation), options, kernels, cancellationToken),
                    run => TelemetryOutcome(run.Outcome), DescribeLyapunov));
            }

            RecordLyapunov(result, runs[0], network.Units, lyapunovSettings.TwinCheck);
            if (lyapunovSettings.InitialScales is not null)
            {
                ScaleColumns.Record(result, runs, network.Units);
            }
        }

        if (cell.Analyses.Isometry is { } isometrySettings)
        {
            // The second trajectory starts from a labelled child of the initial-state stream (independent of its parent).
            var isometry = IsometryAnalysis.Run(
                network, Stream(StreamRole.InitialState), Stream(StreamRole.InitialState).Fork(IsometryColumns.SecondStateLabel),
                Stream(StreamRole.Basis).Fork(IsometryColumns.ProbeLabel), IsometryColumns.OptionsFrom(isometrySettings), kernels, cancellationToken);
            IsometryColumns.Record(result, isometry);
        }

        if (cell.Analyses.Spectrum is { } spectrumSettings)
        {
            var (outcome, spectrum) = TraceAnalysis(Spans.Spectrum, model,
                () => SpectrumOf(network, spectrumSettings, cell.Analyses.FixedPoints, fixedPoints, Stream, cancellationToken),
                measured => TelemetryOutcome(measured.Outcome), (span, measured) => DescribeSpectrum(span, measured.Spectrum));
            RecordSpectrum(result, outcome, spectrum);
        }

        return result;
    }

    private (AnalysisOutcome Outcome, SpectrumResult? Spectrum) SpectrumOf(
        IRecurrentNetwork network, SpectrumSettings settings, FixedPointSettings? fixedPointSettings, FixedPointReport? fixedPoints,
        Func<StreamRole, RandomStream> stream, CancellationToken cancellationToken)
    {
        var options = new SpectrumOptions
        {
            Samples = settings.Samples,
            SampleSpacing = settings.SampleInterval,
            TransientTime = settings.TransientTime,
            SlowModeEpsilon = settings.SlowModeEpsilon,
            KeepEigenvalues = false,
        };
        if (!settings.AtFixedPoints)
        {
            var onAttractor = JacobianSpectrum.OnAttractor(network, stream(StreamRole.InitialState), options, kernels, cancellationToken);
            return (onAttractor.Outcome, onAttractor);
        }

        // At the lowest-residual fixed point found (a search with the cell's fixed-point knobs, or the defaults).
        fixedPoints ??= FixedPointFinder.Find(network, stream(StreamRole.FixedPointStarts), FixedPointOptionsFrom(fixedPointSettings ?? new FixedPointSettings()), kernels, cancellationToken);
        var point = fixedPoints.Points.OrderBy(p => p.Residual).FirstOrDefault();
        if (point is null)
        {
            return (fixedPoints.Outcome.IsUsable ? AnalysisOutcome.NotConverged("no fixed point was found to take the spectrum at") : fixedPoints.Outcome, null);
        }

        var atPoint = JacobianSpectrum.AtState(network, point.State, 0, options, kernels, cancellationToken);
        return (atPoint.Outcome, atPoint);
    }

    private static LyapunovOptions LyapunovOptionsFrom(LyapunovSettings settings, int dimension) => new()
    {
        Exponents = Math.Min(settings.Exponents, dimension),
        TransientTime = settings.TransientTime,
        BasisWarmupTime = Math.Min(LyapunovOptions.Default.BasisWarmupTime, settings.TransientTime),
        AveragingTime = settings.AveragingTime,
        OrthonormalizationInterval = settings.OrthonormalizationInterval,
        InitialStateScale = settings.InitialScale,
        Windows = settings.Windows,
        Twin = settings.TwinCheck,
    };

    private static FixedPointOptions FixedPointOptionsFrom(FixedPointSettings settings) => new()
    {
        Starts = settings.Starts,
        StartScales = settings.StartScales,
        TrajectoryStartFraction = settings.TrajectoryStartFraction,
        MaxNewtonIterations = settings.MaxIterations,
        ResidualTolerance = settings.ResidualTolerance,
        DuplicateTolerance = settings.DuplicateTolerance,
        KeepPoints = 16, // enough for the spectrum at the lowest-residual fixed point
    };

    private static void RecordLyapunov(RealizationResult result, LyapunovResult lyapunov, int units, bool twin)
    {
        result.Statuses["lyapunov_status"] = StatusText(lyapunov.Outcome);
        Note(result, "lyapunov", lyapunov.Outcome);
        if (!lyapunov.Outcome.IsUsable)
        {
            return;
        }

        result.Set(CellMetrics.LyapunovMax, lyapunov.MaxExponent);
        result.Set(CellMetrics.LyapunovSum, lyapunov.Sum);
        result.Set(CellMetrics.KaplanYorke, lyapunov.KaplanYorkeDimension);
        result.Set(CellMetrics.EntropyRate, lyapunov.EntropyRate);
        result.Set(CellMetrics.LyapunovWindowSpread, lyapunov.WindowSpread);
        result.Set(CellMetrics.LyapunovConverged, lyapunov.Outcome.Status == AnalysisStatus.Converged ? 1 : 0);
        if (twin)
        {
            result.Set(CellMetrics.LyapunovTwinMax, lyapunov.TwinMaxExponent);
        }

        // ⟨h²⟩: the first N state components are h for every family (gated: (h, z, r); LSTM: (h, c)).
        result.Set(CellMetrics.MeanSquareActivity, lyapunov.MeanSquareState.Take(units).Average());
        result.Series["lyapunov_spectrum"] = [.. lyapunov.Spectrum];
    }

    private static void RecordSpectrum(RealizationResult result, AnalysisOutcome outcome, SpectrumResult? spectrum)
    {
        result.Statuses["spectrum_status"] = StatusText(outcome);
        Note(result, "spectrum", outcome);
        if (spectrum is null || !outcome.IsUsable)
        {
            return;
        }

        result.Set(CellMetrics.SpectralRadius, spectrum.SpectralRadius);
        result.Set(CellMetrics.SpectralAbscissa, spectrum.SpectralAbscissa);
        result.Set(CellMetrics.SlowModeFraction, spectrum.SlowModeFraction);
        // The random-matrix edge beside the measurement: abscissa for flows, radius for maps.
        result.Set(CellMetrics.RmtEdge, spectrum.Time == TimeKind.Continuous ? spectrum.PredictedAbscissa : spectrum.PredictedRadius);
    }

    private static void RecordFixedPoints(RealizationResult result, FixedPointReport report)
    {
        result.Statuses["fixed_points_status"] = StatusText(report.Outcome);
        Note(result, "fixed points", report.Outcome);
        if (!report.Outcome.IsUsable)
        {
            return;
        }

        result.Set(CellMetrics.FixedPoints, report.Distinct);
        result.Set(CellMetrics.FixedPointsStable, report.StableCount);
        var maxIndex = Array.FindLastIndex(report.IndexHistogram, count => count > 0);
        result.Set(CellMetrics.FixedPointsMaxIndex, maxIndex < 0 ? double.NaN : maxIndex);
        result.Set(CellMetrics.FixedPointsFailedStarts, report.FailedStarts);
        result.Set(CellMetrics.FixedPointsSlowRejected, report.SlowPointsRejected);
        result.Set(CellMetrics.FixedPointsSingletons, report.Singletons);
    }

    private static void Note(RealizationResult result, string analysis, AnalysisOutcome outcome)
    {
        if (outcome.Status is not (AnalysisStatus.Converged or AnalysisStatus.NotApplicable))
        {
            result.Problems.Add($"{analysis}: {StatusText(outcome)}");
        }
    }

    /// <summary>The outcome as a span status (<see cref="Statuses"/>) and its reason.</summary>
    internal static (string Status, string? Reason) TelemetryOutcome(AnalysisOutcome outcome) => (outcome.Status switch
    {
        AnalysisStatus.Converged => Statuses.Converged,
        AnalysisStatus.NotConverged => Statuses.NotConverged,
        AnalysisStatus.Diverged => Statuses.Diverged,
        AnalysisStatus.NotApplicable => Statuses.NotApplicable,
        _ => Statuses.Cancelled,
    }, outcome.Reason);

    private static void DescribeLyapunov(Activity span, LyapunovResult lyapunov)
    {
        SetResult(span, Attributes.LyapunovMax, lyapunov.MaxExponent);
        SetResult(span, Attributes.LyapunovSum, lyapunov.Sum);
        SetResult(span, Attributes.LyapunovStandardError, lyapunov.StandardError);
        SetResult(span, Attributes.LyapunovWindowSpread, lyapunov.WindowSpread);
        SetResult(span, Attributes.KaplanYorkeDimension, lyapunov.KaplanYorkeDimension);
        span.SetTag(Attributes.LyapunovExponents, lyapunov.Spectrum.Count);
        span.SetTag(Attributes.LyapunovSteps, lyapunov.Steps);
    }

    private static void DescribeFixedPoints(Activity span, FixedPointReport report)
    {
        span.SetTag(Attributes.FixedPointsCount, report.Distinct);
        span.SetTag(Attributes.FixedPointsStable, report.StableCount);
        span.SetTag(Attributes.FixedPointsConvergedStarts, report.ConvergedStarts);
        span.SetTag(Attributes.FixedPointsFailedStarts, report.FailedStarts);
        span.SetTag(Attributes.FixedPointsSingletons, report.Singletons);
    }

    private static void DescribeSpectrum(Activity span, SpectrumResult? spectrum)
    {
        if (spectrum is null)
        {
            return;
        }

        SetResult(span, Attributes.SpectralRadius, spectrum.SpectralRadius);
        SetResult(span, Attributes.SpectralAbscissa, spectrum.SpectralAbscissa);
        SetResult(span, Attributes.SlowModeFraction, spectrum.SlowModeFraction);
        span.SetTag(Attributes.SpectrumSamples, spectrum.SampleCount);
    }

    internal static string StatusText(AnalysisOutcome outcome)
    {
        var status = outcome.Status switch
        {
            AnalysisStatus.Converged => "converged",
            AnalysisStatus.NotConverged => "not converged",
            AnalysisStatus.Diverged => "diverged",
            AnalysisStatus.NotApplicable => "not applicable",
            _ => "cancelled",
        };
        return outcome.Reason is null ? status : $"{status}: {outcome.Reason}";
    }
}
