using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Picks OpenBLAS's AVX-512 kernels on CPUs that have AVX-512 but that the installed OpenBLAS does not recognise,
/// by setting <c>OPENBLAS_CORETYPE</c> in the native environment before the library loads.
/// </summary>
/// <remarks>
/// <para>Why: an OpenBLAS built with DYNAMIC_ARCH chooses its kernels from the CPU model at load time, and a release
/// older than the CPU falls back to an older family. Debian 12's OpenBLAS 0.3.21 runs its Haswell (AVX2) kernels on
/// AMD Zen 4/5, which execute its SkylakeX (AVX-512) kernels correctly and much faster: DGEMM at N = 256 measured
/// 54 → 90 GFLOP/s on one Zen 5 core. The SkylakeX kernels need AVX-512 F, CD, BW, DQ and VL, which is exactly what
/// is checked here; on Intel CPUs with those, OpenBLAS picks the same (or an equivalent) kernel set anyway.</para>
/// <para>A value the user already set is never overridden, so <c>OPENBLAS_CORETYPE=Haswell</c> restores OpenBLAS's
/// own choice. The variable is set with libc's setenv because .NET's Environment.SetEnvironmentVariable does not
/// reach the native environment that OpenBLAS reads on Unix; elsewhere nothing is done. The kernels' description
/// (recorded with every result) names the core type OpenBLAS ended up with.</para>
/// </remarks>
internal static unsafe class OpenBlasCoreType
{
    public const string Variable = "OPENBLAS_CORETYPE";

    /// <summary>OpenBLAS's name for its AVX-512 kernel family.</summary>
    public const string Avx512 = "SkylakeX";

    private static readonly string[] LibcCandidates = ["libc.so.6", "libc.dylib"];

    /// <summary>The core type to ask for on a CPU with these features, or null to let OpenBLAS decide.</summary>
    public static string? Recommend(bool avx512F, bool avx512CD, bool avx512BW, bool avx512DQ, bool avx512VL) =>
        avx512F && avx512CD && avx512BW && avx512DQ && avx512VL ? Avx512 : null;

    /// <summary>Sets <see cref="Variable"/> for this process when it is unset and this CPU warrants it; returns what was set.</summary>
    public static string? ApplyBeforeLoad()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return null;
        }

        var recommended = Recommend(
            Avx512F.IsSupported, Avx512CD.IsSupported, Avx512BW.IsSupported, Avx512DQ.IsSupported, Avx512F.VL.IsSupported);
        return recommended is not null && TrySetNative(Variable, recommended) ? recommended : null;
    }

    private static bool TrySetNative(string name, string value)
    {
        foreach (var candidate in LibcCandidates)
        {
            if (!NativeLibrary.TryLoad(candidate, out var libc) || !NativeLibrary.TryGetExport(libc, "setenv", out var address))
            {
                continue;
            }

            var setenv = (delegate* unmanaged<byte*, byte*, int, int>)address;
            fixed (byte* pName = Encoding.UTF8.GetBytes(name + "\0"), pValue = Encoding.UTF8.GetBytes(value + "\0"))
            {
                // overwrite = 0: a value set natively in the meantime still wins.
                return setenv(pName, pValue, 0) == 0;
            }
        }

        return false;
    }
}
