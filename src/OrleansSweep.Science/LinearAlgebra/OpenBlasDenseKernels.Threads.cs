namespace OrleansSweep.Science.LinearAlgebra;

public sealed unsafe partial class OpenBlasDenseKernels
{
    private readonly Lock threadsGate = new();
    private int threads = 1;

    /// <summary>
    /// OpenBLAS threads per call, process-wide (OpenBLAS 0.3.21 has no per-caller setting); 1 from loading on.
    /// </summary>
    /// <remarks>
    /// Only a caller that owns every core may raise it: a silo's cell executor does, while one cell runs alone with
    /// fewer realisations than idle cores, and sets it back to 1 before any other cell starts, so BLAS threads never
    /// oversubscribe cores that realisations or other cells use. OpenBLAS reads the value at each call, so a change
    /// takes effect at the next GEMM of a running computation; results do not depend on it beyond rounding order.
    /// </remarks>
    public int Threads
    {
        get => Volatile.Read(ref threads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (threadsGate)
            {
                if (value != threads)
                {
                    native.SetNumThreads(value);
                    Volatile.Write(ref threads, value);
                }
            }
        }
    }
}
