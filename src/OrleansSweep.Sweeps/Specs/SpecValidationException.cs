namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// A sweep spec that cannot be run. Carries every problem found (validation does not stop at the first), each naming
/// its field and a fix; thrown before any work starts.
/// </summary>
public sealed class SpecValidationException : Exception
{
    public SpecValidationException(string sourceName, IReadOnlyList<SpecError> errors)
        : base(Describe(sourceName, errors))
    {
        ArgumentNullException.ThrowIfNull(errors);
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>The file name (or other label) of the spec, as given to the loader.</summary>
    public string SourceName { get; }

    /// <summary>All problems found, in the order the fields were read.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    private static string Describe(string sourceName, IReadOnlyList<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "problem" : "problems";
        var lines = errors.Select(e => $"  - {e.Field}: {e.Message}{Environment.NewLine}    fix: {e.Fix}");
        return $"The sweep spec '{sourceName}' has {errors.Count} {noun}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
