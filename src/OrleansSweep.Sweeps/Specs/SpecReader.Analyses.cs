using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The <c>analyses</c> object: <c>lyapunov</c>, <c>spectrum</c>, <c>fixedPoints</c> and <c>theory</c>, each an object
/// of knobs (empty for the defaults), <c>true</c> (the defaults) or <c>false</c> (off, as if absent).
/// </summary>
internal sealed partial class SpecReader
{
    private const string AnalysesExample = "\"analyses\": {\"lyapunov\": {\"exponents\": 3}, \"theory\": true}";

    private void ReadAnalyses()
    {
        if (!fields.TryGetValue("analyses", out var element))
        {
            errors.Add("analyses", "is missing, so no analysis would run.", $"add at least one of {string.Join(", ", AnalysisSettings.Names)}, e.g. {AnalysesExample}");
            return;
        }

        if (!JsonValues.IsObject(element, "analyses", errors, "{\"lyapunov\": {}, \"theory\": true}"))
        {
            return;
        }

        var settings = new AnalysisSettings();
        foreach (var (analysisName, value) in JsonValues.Properties(element, "analyses", errors))
        {
            var path = JsonValues.Path("analyses", analysisName);
            if (!AnalysisSettings.Names.Contains(analysisName, StringComparer.Ordinal))
            {
                var nearest = NameSuggester.Nearest(analysisName, AnalysisSettings.Names);
                errors.Add(
                    path,
                    $"'{analysisName}' is not an analysis{NameSuggester.DidYouMean(analysisName, AnalysisSettings.Names)}",
                    (nearest is null ? string.Empty : $"rename it to '{nearest}'; ") + $"the analyses are: {string.Join(", ", AnalysisSettings.Names)}");
                continue;
            }

            if (value.ValueKind == JsonValueKind.False)
            {
                continue;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.Object))
            {
                errors.Add(path, $"must be an object of knobs, true or false, but is {JsonValues.Describe(value)}.", $"write {{}} for the defaults, or set knobs, e.g. \"{analysisName}\": {{}}");
                continue;
            }

            var knobs = new KnobReader(
                value.ValueKind == JsonValueKind.Object ? value : null, path, errors, analysisName, AnalysisSettings.KnobNamesOf(analysisName));
            settings = analysisName switch
            {
                AnalysisSettings.LyapunovName => settings with { Lyapunov = ReadLyapunov(knobs) },
                AnalysisSettings.SpectrumName => settings with { Spectrum = ReadSpectrum(knobs) },
                AnalysisSettings.FixedPointsName => settings with { FixedPoints = ReadFixedPoints(knobs) },
                AnalysisSettings.IsometryName => settings with { Isometry = ReadIsometry(knobs) },
                _ => settings with { Theory = new TheorySettings() },
            };
        }

        analyses = settings;
        if (!settings.AnyOn && !errors.Any("analyses"))
        {
            errors.Add("analyses", "turns no analysis on.", $"add at least one of {string.Join(", ", AnalysisSettings.Names)}, e.g. {AnalysesExample}");
        }
    }

    private static LyapunovSettings ReadLyapunov(KnobReader knobs) => new()
    {
        Exponents = knobs.Whole("exponents", LyapunovSettings.DefaultExponents, 1),
        TransientTime = knobs.Real("transientTime", LyapunovSettings.DefaultTransientTime, 0),
        AveragingTime = knobs.Real("averagingTime", LyapunovSettings.DefaultAveragingTime, 0, positive: true),
        OrthonormalizationInterval = knobs.Real("orthonormalizationInterval", LyapunovSettings.DefaultOrthonormalizationInterval, 0, positive: true),
        InitialScale = knobs.Real("initialScale", LyapunovSettings.DefaultInitialScale, 0),
        InitialScales = ReadInitialScales(knobs),
        Windows = knobs.Whole("windows", LyapunovSettings.DefaultWindows, 2),
        TwinCheck = knobs.Flag("twinCheck", LyapunovSettings.DefaultTwinCheck),
    };

    private static SpectrumSettings ReadSpectrum(KnobReader knobs) => new()
    {
        Samples = knobs.Whole("samples", SpectrumSettings.DefaultSamples, 1),
        SampleInterval = knobs.Real("sampleInterval", SpectrumSettings.DefaultSampleInterval, 0, positive: true),
        TransientTime = knobs.Real("transientTime", SpectrumSettings.DefaultTransientTime, 0),
        SlowModeEpsilon = knobs.Real("slowModeEpsilon", SpectrumSettings.DefaultSlowModeEpsilon, 0, positive: true),
        AtFixedPoints = knobs.Flag("atFixedPoints", SpectrumSettings.DefaultAtFixedPoints),
    };

    private static FixedPointSettings ReadFixedPoints(KnobReader knobs) => new()
    {
        Starts = knobs.Whole("starts", FixedPointSettings.DefaultStarts, 1),
        StartScales = knobs.RealList("startScales", FixedPointSettings.DefaultStartScales, 0),
        TrajectoryStartFraction = knobs.Real("trajectoryStartFraction", FixedPointSettings.DefaultTrajectoryStartFraction, 0, maximum: 1),
        MaxIterations = knobs.Whole("maxIterations", FixedPointSettings.DefaultMaxIterations, 1),
        ResidualTolerance = knobs.Real("residualTolerance", FixedPointSettings.DefaultResidualTolerance, 0, positive: true),
        DuplicateTolerance = knobs.Real("duplicateTolerance", FixedPointSettings.DefaultDuplicateTolerance, 0, positive: true),
    };
}
