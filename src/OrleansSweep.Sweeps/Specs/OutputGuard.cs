namespace OrleansSweep.Sweeps.Specs;

/// <summary>What an output folder means for a new run of a sweep.</summary>
public enum OutputFolderState
{
    /// <summary>No sweep marker: the folder is absent, empty, or holds no sweep; start afresh.</summary>
    New,

    /// <summary>The folder holds this very sweep (same fingerprint): resume it.</summary>
    Resume,
}

/// <summary>
/// Refuses to mix two sweeps in one output folder: a folder whose <see cref="SweepMarker"/> carries a different
/// fingerprint (or cannot be read) is an error naming <c>output</c>; the same fingerprint is a resume.
/// </summary>
/// <remarks>A folder with files but no marker counts as <see cref="OutputFolderState.New"/>: it holds no sweep.</remarks>
public static class OutputGuard
{
    private const string Fix = "choose another output folder (--out, or \"output\" in the spec), or delete the folder to start over";

    /// <exception cref="SpecValidationException">The folder holds a different sweep, or a marker that cannot be read.</exception>
    public static OutputFolderState Check(string outputFolder, string specFingerprint)
    {
        ArgumentNullException.ThrowIfNull(outputFolder);
        ArgumentNullException.ThrowIfNull(specFingerprint);
        var path = SweepMarker.PathIn(outputFolder);
        SweepMarker? marker;
        try
        {
            marker = SweepMarker.Read(outputFolder);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw Clash(path, $"'{outputFolder}' has a sweep marker that cannot be read ({e.Message}), so it may hold another sweep.");
        }

        if (marker is null)
        {
            return OutputFolderState.New;
        }

        if (string.Equals(marker.Fingerprint, specFingerprint, StringComparison.Ordinal))
        {
            return OutputFolderState.Resume;
        }

        throw Clash(path, $"'{outputFolder}' already holds a different sweep (fingerprint {marker.Fingerprint}; this spec's is {specFingerprint}), and its results would be mixed.");
    }

    private static SpecValidationException Clash(string markerPath, string message) =>
        new(markerPath, [new SpecError("output", message, Fix)]);
}
