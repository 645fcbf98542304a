using System.Runtime.InteropServices;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// The entry points of the system OpenBLAS (CBLAS) and LAPACKE, resolved once with
/// <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> and <see cref="NativeLibrary.TryGetExport"/> into
/// unmanaged function pointers.
/// </summary>
/// <remarks>
/// Function pointers rather than [LibraryImport] + a DllImportResolver: an assembly can register only one
/// resolver, which would collide with any other native binding in the science assembly, and a missing library or
/// symbol must mean "not available", never an exception at the first call. Integer arguments are 32-bit
/// (the LP64 builds Debian ships as libopenblas0-pthread and liblapacke, not the *64 ILP64 variants).
/// The library handles are never freed: they live as long as the process.
/// </remarks>
internal sealed unsafe class OpenBlasNative
{
    public const int RowMajor = 101;
    public const int ColumnMajor = 102;
    public const int NoTranspose = 111;
    public const int Transpose = 112;
    public const int Upper = 121;
    public const int Left = 141;
    public const int Right = 142;
    public const int NonUnit = 131;

    private static readonly string[] BlasCandidates = ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll", "openblas"];
    private static readonly string[] LapackeCandidates = ["liblapacke.so.3", "liblapacke.so", "liblapacke.dylib", "liblapacke.dll", "lapacke"];

    private OpenBlasNative(string blasLibrary, string lapackeLibrary)
    {
        BlasLibrary = blasLibrary;
        LapackeLibrary = lapackeLibrary;
    }

    public string BlasLibrary { get; }

    public string LapackeLibrary { get; }

    /// <summary>cblas_dgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc).</summary>
    public delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemm { get; private set; }

    /// <summary>cblas_dgemv(order, trans, M, N, alpha, A, lda, X, incX, beta, Y, incY).</summary>
    public delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemv { get; private set; }

    /// <summary>cblas_dsyrk(order, uplo, trans, N, K, alpha, A, lda, beta, C, ldc).</summary>
    public delegate* unmanaged<int, int, int, int, int, double, double*, int, double, double*, int, void> Dsyrk { get; private set; }

    /// <summary>cblas_dtrsm(order, side, uplo, transA, diag, M, N, alpha, A, lda, B, ldb).</summary>
    public delegate* unmanaged<int, int, int, int, int, int, int, double, double*, int, double*, int, void> Dtrsm { get; private set; }

    /// <summary>openblas_set_num_threads(n).</summary>
    public delegate* unmanaged<int, void> SetNumThreads { get; private set; }

    /// <summary>openblas_get_num_threads() (optional export).</summary>
    public delegate* unmanaged<int> GetNumThreads { get; private set; }

    /// <summary>openblas_get_config() (optional export): build description, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH …".</summary>
    public delegate* unmanaged<byte*> GetConfig { get; private set; }

    /// <summary>openblas_get_corename() (optional export): the kernel family in use, e.g. "Haswell" or "SkylakeX".</summary>
    public delegate* unmanaged<byte*> GetCoreName { get; private set; }

    /// <summary>LAPACKE_dgeqrf(layout, m, n, a, lda, tau).</summary>
    public delegate* unmanaged<int, int, int, double*, int, double*, int> Dgeqrf { get; private set; }

    /// <summary>LAPACKE_dorgqr(layout, m, n, k, a, lda, tau).</summary>
    public delegate* unmanaged<int, int, int, int, double*, int, double*, int> Dorgqr { get; private set; }

    /// <summary>LAPACKE_dpotrf(layout, uplo, n, a, lda).</summary>
    public delegate* unmanaged<int, byte, int, double*, int, int> Dpotrf { get; private set; }

    /// <summary>LAPACKE_dgetrf(layout, m, n, a, lda, ipiv).</summary>
    public delegate* unmanaged<int, int, int, double*, int, int*, int> Dgetrf { get; private set; }

    /// <summary>LAPACKE_dgetrs(layout, trans, n, nrhs, a, lda, ipiv, b, ldb).</summary>
    public delegate* unmanaged<int, byte, int, int, double*, int, int*, double*, int, int> Dgetrs { get; private set; }

    /// <summary>LAPACKE_dgeev(layout, jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr, ldvr).</summary>
    public delegate* unmanaged<int, byte, byte, int, double*, int, double*, double*, double*, int, double*, int, int> Dgeev { get; private set; }

    /// <summary>Loads both libraries and every required symbol, or returns null with the reason.</summary>
    public static OpenBlasNative? TryLoad(out string? failure)
    {
        // Must precede the first load: OpenBLAS reads the variable once, in its library constructor.
        OpenBlasCoreType.ApplyBeforeLoad();
        if (!TryLoadFirst(BlasCandidates, out var blas, out var blasName))
        {
            failure = $"none of {string.Join(", ", BlasCandidates)} could be loaded";
            return null;
        }

        if (!TryLoadFirst(LapackeCandidates, out var lapacke, out var lapackeName))
        {
            failure = $"{blasName} loaded but none of {string.Join(", ", LapackeCandidates)} could be loaded";
            return null;
        }

        var native = new OpenBlasNative(blasName, lapackeName);
        var missing = new List<string>();
        native.Dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)Export(blas, "cblas_dgemm", missing);
        native.Dgemv = (delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)Export(blas, "cblas_dgemv", missing);
        native.Dsyrk = (delegate* unmanaged<int, int, int, int, int, double, double*, int, double, double*, int, void>)Export(blas, "cblas_dsyrk", missing);
        native.Dtrsm = (delegate* unmanaged<int, int, int, int, int, int, int, double, double*, int, double*, int, void>)Export(blas, "cblas_dtrsm", missing);
        native.SetNumThreads = (delegate* unmanaged<int, void>)Export(blas, "openblas_set_num_threads", missing);
        native.GetNumThreads = (delegate* unmanaged<int>)Export(blas, "openblas_get_num_threads", null);
        native.GetConfig = (delegate* unmanaged<byte*>)Export(blas, "openblas_get_config", null);
        native.GetCoreName = (delegate* unmanaged<byte*>)Export(blas, "openblas_get_corename", null);
        native.Dgeqrf = (delegate* unmanaged<int, int, int, double*, int, double*, int>)Export(lapacke, "LAPACKE_dgeqrf", missing);
        native.Dorgqr = (delegate* unmanaged<int, int, int, int, double*, int, double*, int>)Export(lapacke, "LAPACKE_dorgqr", missing);
        native.Dpotrf = (delegate* unmanaged<int, byte, int, double*, int, int>)Export(lapacke, "LAPACKE_dpotrf", missing);
        native.Dgetrf = (delegate* unmanaged<int, int, int, double*, int, int*, int>)Export(lapacke, "LAPACKE_dgetrf", missing);
        native.Dgetrs = (delegate* unmanaged<int, byte, int, int, double*, int, int*, double*, int, int>)Export(lapacke, "LAPACKE_dgetrs", missing);
        native.Dgeev = (delegate* unmanaged<int, byte, byte, int, double*, int, double*, double*, double*, int, double*, int, int>)Export(lapacke, "LAPACKE_dgeev", missing);
        if (missing.Count > 0)
        {
            failure = $"{blasName}/{lapackeName} loaded but lack {string.Join(", ", missing)}";
            return null;
        }

        failure = null;
        return native;
    }

    /// <summary>The build string of the loaded OpenBLAS, or null when it does not export one.</summary>
    public string? Config() => GetConfig == null ? null : Marshal.PtrToStringUTF8((IntPtr)GetConfig())?.Trim();

    /// <summary>The kernel family OpenBLAS chose, or null when it does not export it.</summary>
    public string? CoreName() => GetCoreName == null ? null : Marshal.PtrToStringUTF8((IntPtr)GetCoreName())?.Trim();

    private static bool TryLoadFirst(string[] candidates, out IntPtr handle, out string name)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out handle))
            {
                name = candidate;
                return true;
            }
        }

        handle = IntPtr.Zero;
        name = string.Empty;
        return false;
    }

    private static IntPtr Export(IntPtr library, string symbol, List<string>? missing)
    {
        if (NativeLibrary.TryGetExport(library, symbol, out var address))
        {
            return address;
        }

        missing?.Add(symbol);
        return IntPtr.Zero;
    }
}
