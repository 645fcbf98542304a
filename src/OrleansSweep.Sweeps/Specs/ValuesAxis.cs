namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// An axis that lists its points: <c>{"values": [0, 2.5, 10]}</c>, <c>{"values": ["euler", "rk4"]}</c> for a choice,
/// <c>{"values": [false, true]}</c> for a flag. Points keep the order written and must be distinct.
/// </summary>
public sealed record ValuesAxis(string Name, IReadOnlyList<double> Values) : SweepAxis(Name)
{
    public override int Count => Values.Count;

    public override double PointAt(int index) => Values[index];

    /// <summary>Value equality: same name and the same points in the same order.</summary>
    public bool Equals(ValuesAxis? other) =>
        other is not null && base.Equals(other) && Values.SequenceEqual(other.Values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
