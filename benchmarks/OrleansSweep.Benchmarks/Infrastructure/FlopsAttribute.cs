namespace OrleansSweep.Benchmarks.Infrastructure;

/// <summary>The floating-point work of one benchmark operation, for the GFLOP/s column.</summary>
public enum FlopKind
{
    /// <summary>C ← A·B with A N×K, B K×N... square: 2N³ (K = N unless a K parameter is present: 2N²K).</summary>
    Gemm,

    /// <summary>y ← A·x, A N×N: 2N².</summary>
    Gemv,

    /// <summary>Householder thin QR of an N×(N/4) matrix with Q formed (dgeqrf + dorgqr): 4mk² − 4k³/3.</summary>
    QrThinQuarter,

    /// <summary>LU with partial pivoting and one right-hand side: 2N³/3 + 2N².</summary>
    LuSolve,
}

/// <summary>
/// Marks a benchmark method with its nominal flop count, evaluated from the case's <c>N</c> (and <c>K</c>) parameters
/// and multiplied by <see cref="Repeat"/> (e.g. the number of time steps of a whole Lyapunov run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FlopsAttribute(FlopKind kind) : Attribute
{
    public FlopKind Kind { get; } = kind;

    /// <summary>How many times the kernel's work is done per operation. Default 1.</summary>
    public double Repeat { get; init; } = 1;

    /// <summary>The flop count for size <paramref name="n"/> and inner dimension <paramref name="k"/>.</summary>
    public double Count(int n, int k) => Repeat * Kind switch
    {
        FlopKind.Gemm => 2.0 * n * n * k,
        FlopKind.Gemv => 2.0 * n * n,
        FlopKind.QrThinQuarter => QrFlops(n, n / 4),
        FlopKind.LuSolve => (2.0 * n * n * n / 3.0) + (2.0 * n * n),
        _ => double.NaN,
    };

    private static double QrFlops(double m, double k) => (4.0 * m * k * k) - (4.0 * k * k * k / 3.0);
}

/// <summary>Marks a benchmark whose operation does <see cref="PerOperation"/> units of work (e.g. 256 Newton starts).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThroughputAttribute(string unit, double perOperation) : Attribute
{
    public string Unit { get; } = unit;

    public double PerOperation { get; } = perOperation;
}
