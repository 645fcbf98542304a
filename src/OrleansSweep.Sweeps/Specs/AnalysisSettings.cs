using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Which analyses a cell runs, with their knobs; an analysis is on when its settings are not null. JSON:
/// <c>"analyses": {"lyapunov": {"exponents": 3}, "theory": true}</c> — a key that is present turns its analysis on
/// (an empty object or <c>true</c> means the defaults; <c>false</c> is the same as leaving the key out).
/// </summary>
public sealed record AnalysisSettings(
    LyapunovSettings? Lyapunov = null,
    SpectrumSettings? Spectrum = null,
    FixedPointSettings? FixedPoints = null,
    TheorySettings? Theory = null,
    IsometrySettings? Isometry = null)
{
    public const string LyapunovName = "lyapunov";
    public const string SpectrumName = "spectrum";
    public const string FixedPointsName = "fixedPoints";
    public const string TheoryName = "theory";
    public const string IsometryName = "isometry";

    /// <summary>The spec names of the analyses.</summary>
    public static IReadOnlyList<string> Names { get; } = [LyapunovName, SpectrumName, FixedPointsName, TheoryName, IsometryName];

    /// <summary>Whether at least one analysis is on.</summary>
    public bool AnyOn => Lyapunov is not null || Spectrum is not null || FixedPoints is not null || Theory is not null || Isometry is not null;

    /// <summary>The knob names of the analysis called <paramref name="analysisName"/>.</summary>
    internal static IReadOnlyList<string> KnobNamesOf(string analysisName) => analysisName switch
    {
        LyapunovName => LyapunovSettings.KnobNames,
        SpectrumName => SpectrumSettings.KnobNames,
        FixedPointsName => FixedPointSettings.KnobNames,
        TheoryName => TheorySettings.KnobNames,
        IsometryName => IsometrySettings.KnobNames,
        _ => throw new ArgumentOutOfRangeException(nameof(analysisName), analysisName, "not an analysis"),
    };

    /// <summary>
    /// One line per analysis in ordinal name order: <c>analysis lyapunov: averagingTime=200;exponents=3;…</c> with knobs
    /// in ordinal order, or <c>analysis spectrum: off</c>. Part of the cell id.
    /// </summary>
    internal string CanonicalText()
    {
        var lines = Entries().Select(entry => entry.Knobs is null
            ? $"analysis {entry.Name}: off"
            : $"analysis {entry.Name}: {string.Join(";", entry.Knobs.Select(k => k.CanonicalText()))}");
        return string.Join("\n", lines);
    }

    /// <summary>Writes the analyses that are on, with every knob explicit, names in ordinal order.</summary>
    internal void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, knobs) in Entries())
        {
            if (knobs is null)
            {
                continue;
            }

            writer.WriteStartObject(name);
            foreach (var knob in knobs)
            {
                knob.WriteJson(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Every analysis with its knobs sorted by ordinal name (null when off), analyses in ordinal order.</summary>
    private IEnumerable<(string Name, IReadOnlyList<Knob>? Knobs)> Entries()
    {
        var entries = new (string Name, IReadOnlyList<Knob>? Knobs)[]
        {
            (LyapunovName, Lyapunov?.Knobs()),
            (SpectrumName, Spectrum?.Knobs()),
            (FixedPointsName, FixedPoints?.Knobs()),
            (TheoryName, Theory is null ? null : TheorySettings.Knobs()),
        };
        // isometry came later: it is listed only when on, so the canonical text (and every cell id) of a spec without it
        // is unchanged.
        if (Isometry is not null)
        {
            entries = [.. entries, (IsometryName, Isometry.Knobs())];
        }

        return entries
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => (e.Name, e.Knobs is null ? null : (IReadOnlyList<Knob>)[.. e.Knobs.OrderBy(k => k.Name, StringComparer.Ordinal)]));
    }
}
