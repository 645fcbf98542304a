using System.Globalization;

namespace OrleansSweep.Science.Models;

/// <summary>Span length checks at the public entry points (cheap, once per call, never inside loops).</summary>
internal static class Guard
{
    public static void State(ReadOnlySpan<double> x, int dimension, string name)
    {
        if (x.Length != dimension)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected a state of length {dimension}, got {x.Length}."), name);
        }
    }

    public static void AtLeast(int length, int required, string name)
    {
        if (length < required)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected at least {required} elements, got {length}."), name);
        }
    }

    /// <summary>The common checks of <see cref="IDynamicalSystem.JacobianTimes"/>.</summary>
    public static void Tangent(ReadOnlySpan<double> x, int dimension, int basisLength, int columns, int resultLength)
    {
        State(x, dimension, "x");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        AtLeast(basisLength, dimension * columns, "basis");
        AtLeast(resultLength, dimension * columns, "result");
    }
}
