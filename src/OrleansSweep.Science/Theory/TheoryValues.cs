using System.Collections;

namespace OrleansSweep.Science.Theory;

/// <summary>The ordered theory predictions of one cell, with lookup by name (names are unique).</summary>
public sealed class TheoryValues : IReadOnlyList<TheoryValue>
{
    /// <summary>Prefix of the result-file columns.</summary>
    public const string ColumnPrefix = "theory_";

    private readonly List<TheoryValue> ordered;
    private readonly Dictionary<string, TheoryValue> byName;

    public TheoryValues(IEnumerable<TheoryValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ordered = [.. values];
        byName = new Dictionary<string, TheoryValue>(StringComparer.Ordinal);
        foreach (var value in ordered)
        {
            if (!byName.TryAdd(value.Name, value))
            {
                throw new ArgumentException($"Duplicate theory value '{value.Name}'.", nameof(values));
            }
        }
    }

    public int Count => ordered.Count;

    public IEnumerable<string> Names => ordered.Select(v => v.Name);

    public TheoryValue this[int index] => ordered[index];

    /// <summary>The value named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    public TheoryValue this[string name] =>
        byName.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No theory value '{name}'.");

    public bool TryGet(string name, out TheoryValue? value) => byName.TryGetValue(name, out value);

    public IEnumerator<TheoryValue> GetEnumerator() => ordered.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
