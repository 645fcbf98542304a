using System.Numerics.Tensors;

namespace OrleansSweep.Science.Models;

/// <summary>
/// Diagonal scalings [d]·V of row-major n × k blocks: the O(N k) half of every JacobianTimes (the other half is GEMM).
/// </summary>
/// <remarks>Destinations may be the same span as an input (elementwise, same offsets), never a shifted overlap.</remarks>
internal static class RowOps
{
    /// <summary>destination[i, :] = d[i] · v[i, :].</summary>
    public static void Scale(ReadOnlySpan<double> d, ReadOnlySpan<double> v, int columns, Span<double> destination)
    {
        for (var i = 0; i < d.Length; i++)
        {
            var row = i * columns;
            TensorPrimitives.Multiply(v.Slice(row, columns), d[i], destination.Slice(row, columns));
        }
    }

    /// <summary>destination[i, :] += d[i] · v[i, :].</summary>
    public static void AddScaled(ReadOnlySpan<double> d, ReadOnlySpan<double> v, int columns, Span<double> destination)
    {
        for (var i = 0; i < d.Length; i++)
        {
            var row = i * columns;
            var target = destination.Slice(row, columns);
            TensorPrimitives.MultiplyAdd(v.Slice(row, columns), d[i], target, target);
        }
    }

    /// <summary>destination[i, :] = (v[i, :] − w[i, :]) · scale: the relaxation term (J^z φ' V − V_z)/τ_z and alike.</summary>
    public static void SubtractAndScale(ReadOnlySpan<double> v, ReadOnlySpan<double> w, double scale, Span<double> destination)
    {
        TensorPrimitives.Subtract(v, w, destination);
        TensorPrimitives.Multiply(destination, scale, destination);
    }
}
