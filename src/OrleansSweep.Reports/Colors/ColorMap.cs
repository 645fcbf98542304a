namespace OrleansSweep.Reports.Colors;

/// <summary>A continuous colour map: evenly spaced control points in sRGB with linear interpolation between them.</summary>
/// <remarks>
/// Linear interpolation in sRGB is also what an SVG <c>linearGradient</c> does by default, so a colour bar drawn as a
/// gradient through <see cref="ControlPoints"/> shows exactly the colours of the cells.
/// </remarks>
internal sealed class ColorMap
{
    public ColorMap(string name, IReadOnlyList<Rgb> controlPoints)
    {
        if (controlPoints.Count < 2)
        {
            throw new ArgumentException("A colour map needs at least two control points.", nameof(controlPoints));
        }

        Name = name;
        ControlPoints = controlPoints;
    }

    public string Name { get; }

    public IReadOnlyList<Rgb> ControlPoints { get; }

    /// <summary>Position of control point <paramref name="index"/> in [0, 1].</summary>
    public double Offset(int index) => (double)index / (ControlPoints.Count - 1);

    /// <summary>The colour at <paramref name="t"/>, clamped to [0, 1]; NaN maps to the midpoint.</summary>
    public Rgb At(double t)
    {
        if (double.IsNaN(t))
        {
            t = 0.5;
        }

        t = Math.Clamp(t, 0.0, 1.0);
        var scaled = t * (ControlPoints.Count - 1);
        var i = Math.Min((int)Math.Floor(scaled), ControlPoints.Count - 2);
        var f = scaled - i;
        var a = ControlPoints[i];
        var b = ControlPoints[i + 1];
        return new Rgb(Mix(a.R, b.R, f), Mix(a.G, b.G, f), Mix(a.B, b.B, f));
    }

    private static byte Mix(byte a, byte b, double f) =>
        (byte)Math.Clamp(Math.Round(a + ((b - a) * f), MidpointRounding.AwayFromZero), 0, 255);
}
