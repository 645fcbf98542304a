using System.Numerics.Tensors;

namespace OrleansSweep.Science.Models;

/// <summary>
/// Diagonal scalings and row-wise combinations [a]·U + [b]·V of row-major n × k blocks: the O(N k) half of every
/// JacobianTimes (the other half is GEMM).
/// </summary>
/// <remarks>
/// Each helper makes one sweep over the rows; within a row (≤ a few KB, so it stays in L1) the terms are applied one
/// after the other with vectorised primitives, which costs about one pass over the block instead of one per term.
/// A single column (k = 1) takes a scalar loop, since per-row calls would dominate. Destinations may be the same span
/// as the <b>first</b> block operand (elementwise, same offsets), never as a later one or a shifted overlap.
/// </remarks>
internal static class RowOps
{
    /// <summary>destination[i, :] = d[i] · v[i, :].</summary>
    public static void Scale(ReadOnlySpan<double> d, ReadOnlySpan<double> v, int columns, Span<double> destination)
    {
        if (columns == 1)
        {
            for (var i = 0; i < d.Length; i++)
            {
                destination[i] = d[i] * v[i];
            }

            return;
        }

        for (var i = 0; i < d.Length; i++)
        {
            var row = i * columns;
            TensorPrimitives.Multiply(v.Slice(row, columns), d[i], destination.Slice(row, columns));
        }
    }

    /// <summary>destination[i, :] += d[i] · v[i, :].</summary>
    public static void AddScaled(ReadOnlySpan<double> d, ReadOnlySpan<double> v, int columns, Span<double> destination)
    {
        if (columns == 1)
        {
            for (var i = 0; i < d.Length; i++)
            {
                destination[i] += d[i] * v[i];
            }

            return;
        }

        for (var i = 0; i < d.Length; i++)
        {
            var row = i * columns;
            var target = destination.Slice(row, columns);
            TensorPrimitives.MultiplyAdd(v.Slice(row, columns), d[i], target, target);
        }
    }

    /// <summary>
    /// scaled[i, :] = d[i] · v[i, :] and copy[i, :] = c · v[i, :] in one sweep over v: the right operand of a GEMM and the
    /// pre-scaled C that the GEMM then accumulates onto with β = 1.
    /// </summary>
    public static void ScaleAndCopy(ReadOnlySpan<double> d, ReadOnlySpan<double> v, int columns, Span<double> scaled, double c, Span<double> copy)
    {
        if (columns == 1)
        {
            for (var i = 0; i < d.Length; i++)
            {
                scaled[i] = d[i] * v[i];
                copy[i] = c * v[i];
            }

            return;
        }

        for (var i = 0; i < d.Length; i++)
        {
            var row = i * columns;
            var source = v.Slice(row, columns);
            TensorPrimitives.Multiply(source, d[i], scaled.Slice(row, columns));
            TensorPrimitives.Multiply(source, c, copy.Slice(row, columns));
        }
    }

    /// <summary>destination[i, :] = a[i] · u[i, :] + b[i] · v[i, :]; destination may be u, not v.</summary>
    public static void Combine(
        ReadOnlySpan<double> a, ReadOnlySpan<double> u, ReadOnlySpan<double> b, ReadOnlySpan<double> v, int columns,
        Span<double> destination)
    {
        if (columns == 1)
        {
            for (var i = 0; i < a.Length; i++)
            {
                destination[i] = (a[i] * u[i]) + (b[i] * v[i]);
            }

            return;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var row = i * columns;
            var target = destination.Slice(row, columns);
            TensorPrimitives.Multiply(u.Slice(row, columns), a[i], target);
            TensorPrimitives.MultiplyAdd(v.Slice(row, columns), b[i], target, target);
        }
    }

    /// <summary>destination[i, :] = a[i] · u[i, :] + b[i] · v[i, :] + c[i] · w[i, :]; destination may be u, not v or w.</summary>
    public static void Combine(
        ReadOnlySpan<double> a, ReadOnlySpan<double> u, ReadOnlySpan<double> b, ReadOnlySpan<double> v,
        ReadOnlySpan<double> c, ReadOnlySpan<double> w, int columns, Span<double> destination)
    {
        if (columns == 1)
        {
            for (var i = 0; i < a.Length; i++)
            {
                destination[i] = (a[i] * u[i]) + (b[i] * v[i]) + (c[i] * w[i]);
            }

            return;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var row = i * columns;
            var target = destination.Slice(row, columns);
            TensorPrimitives.Multiply(u.Slice(row, columns), a[i], target);
            TensorPrimitives.MultiplyAdd(v.Slice(row, columns), b[i], target, target);
            TensorPrimitives.MultiplyAdd(w.Slice(row, columns), c[i], target, target);
        }
    }
}
