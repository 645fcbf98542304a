namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// An axis of <see cref="Steps"/> points from <see cref="From"/> to <see cref="To"/> (both included), equally spaced on
/// a linear or logarithmic <see cref="Scale"/>. JSON: <c>{"from": 0.5, "to": 4, "steps": 8, "scale": "linear"}</c>.
/// </summary>
/// <remarks>
/// The endpoints are returned exactly (not recomputed), so <c>to</c> is hit bit for bit. A descending range
/// (from &gt; to) is allowed and lists its points from <c>from</c> down to <c>to</c>. With one step the axis is the single
/// point <c>from</c>, and validation requires from = to.
/// </remarks>
public sealed record RangeAxis(string Name, double From, double To, int Steps, AxisScale Scale) : SweepAxis(Name)
{
    public override int Count => Steps;

    public override double PointAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Steps);
        if (index == 0)
        {
            return From;
        }

        if (index == Steps - 1)
        {
            return To;
        }

        return Scale switch
        {
            AxisScale.Linear => From + index * (To - From) / (Steps - 1),
            _ => Math.Exp(Math.Log(From) + index * (Math.Log(To) - Math.Log(From)) / (Steps - 1)),
        };
    }
}
