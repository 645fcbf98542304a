using System.Runtime.Intrinsics.X86;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class OpenBlasCoreTypeTests
{
    [Theory]
    [InlineData(true, true, true, true, true, "SkylakeX")]
    [InlineData(true, true, true, true, false, null)]
    [InlineData(true, false, true, true, true, null)]
    [InlineData(true, true, false, true, true, null)]
    [InlineData(true, true, true, false, true, null)]
    [InlineData(false, false, false, false, false, null)]
    public void Asks_for_the_AVX512_kernels_only_when_every_extension_they_use_is_there(
        bool f, bool cd, bool bw, bool dq, bool vl, string? expected) =>
        Assert.Equal(expected, OpenBlasCoreType.Recommend(f, cd, bw, dq, vl));

    [Fact]
    public void The_loaded_library_runs_the_kernels_the_user_or_this_CPU_asks_for()
    {
        if (DenseKernels.OpenBlas is not { } native)
        {
            Assert.False(string.IsNullOrEmpty(DenseKernels.OpenBlasUnavailableReason));
            return;
        }

        // The description reports openblas_get_corename(): the user's choice wins, else AVX-512 CPUs get SkylakeX.
        var description = DenseKernels.Describe(native);
        var userChoice = Environment.GetEnvironmentVariable(OpenBlasCoreType.Variable);
        var avx512 = OpenBlasCoreType.Recommend(
            Avx512F.IsSupported, Avx512CD.IsSupported, Avx512BW.IsSupported, Avx512DQ.IsSupported, Avx512F.VL.IsSupported);
        var expected = string.IsNullOrEmpty(userChoice) ? avx512 : userChoice;
        if (expected is not null)
        {
            Assert.Contains($", {expected} kernels", description, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Contains(" kernels", description, StringComparison.Ordinal);
        }
    }
}
