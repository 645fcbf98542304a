namespace OrleansSweep.Science.Models;

/// <summary>
/// A work buffer that grows to the largest length requested and is then reused, so that JacobianTimes allocates only
/// the first time it sees a larger number of columns.
/// </summary>
internal sealed class Scratch
{
    private double[] buffer = [];

    /// <summary>A span of <paramref name="length"/> elements; its contents are whatever the last user left.</summary>
    public Span<double> Get(int length)
    {
        if (buffer.Length < length)
        {
            buffer = new double[length];
        }

        return buffer.AsSpan(0, length);
    }
}
