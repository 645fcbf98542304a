using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;

namespace OrleansSweep.Grains.Execution;

/// <summary>
/// The executor's hold on the process-wide BLAS thread count: raised for one lone cell whose realisations leave cores
/// idle, back to 1 when that cell ends or any other cell starts.
/// </summary>
/// <remarks>
/// Realisations first, BLAS threads second: independent realisations scale almost perfectly, threads inside a
/// 256×256 GEMM less so. E.g. on 2 cores a lone cell of 1 realisation gets 2 BLAS threads; one of 2 or more
/// realisations runs them in parallel with 1 BLAS thread each. Without OpenBLAS (managed kernels) nothing changes.
/// </remarks>
internal sealed class BlasShare(IDenseKernels kernels, bool enabled)
{
    private readonly Lock gate = new();
    private object? owner;

    /// <summary>
    /// Gives the cores of <paramref name="parallelism"/> to <paramref name="cell"/>'s realisations and BLAS calls while
    /// <paramref name="stillAlone"/> holds (checked under the lock, so a cell starting meanwhile is never oversubscribed);
    /// true when BLAS threads were raised and <see cref="Release(object)"/> must follow.
    /// </summary>
    public bool TryShare(object cell, string cellJson, int parallelism, Func<bool> stillAlone)
    {
        if (!enabled || kernels is not OpenBlasDenseKernels)
        {
            return false;
        }

        var share = BlasThreads.Share(parallelism, RealizationsOf(cellJson));
        if (share <= 1)
        {
            return false;
        }

        lock (gate)
        {
            if (!stillAlone())
            {
                return false;
            }

            owner = cell;
            return BlasThreads.TrySet(kernels, share);
        }
    }

    /// <summary>Back to one BLAS thread if <paramref name="cell"/> still holds the share.</summary>
    public void Release(object cell)
    {
        lock (gate)
        {
            if (ReferenceEquals(owner, cell))
            {
                owner = null;
                BlasThreads.TrySet(kernels, 1);
            }
        }
    }

    /// <summary>Back to one BLAS thread, whoever holds the share (another cell is starting).</summary>
    public void Release()
    {
        lock (gate)
        {
            if (owner is not null)
            {
                owner = null;
                BlasThreads.TrySet(kernels, 1);
            }
        }
    }

    private static int RealizationsOf(string cellJson)
    {
        try
        {
            return Math.Max(1, CellCodec.Decode(cellJson).Realizations);
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return int.MaxValue; // a cell that does not decode fails in the worker; no BLAS threads for it
        }
    }
}
