namespace OrleansSweep.Sweeps.Specs;

/// <summary>Collects the errors of one validation pass, so that a spec reports all its problems at once.</summary>
internal sealed class SpecErrorList
{
    private readonly List<SpecError> errors = [];

    public int Count => errors.Count;

    public IReadOnlyList<SpecError> Items => errors;

    public void Add(string field, string message, string fix) => errors.Add(new SpecError(field, message, fix));

    /// <summary>Whether an error was recorded at <paramref name="field"/> or inside it.</summary>
    public bool Any(string field) =>
        errors.Exists(e => e.Field == field || e.Field.StartsWith(field + ".", StringComparison.Ordinal) ||
                           e.Field.StartsWith(field + "[", StringComparison.Ordinal));
}
