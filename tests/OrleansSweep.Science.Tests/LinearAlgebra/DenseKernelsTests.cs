using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class DenseKernelsTests
{
    [Theory]
    [InlineData(null, true, DenseKernelKind.OpenBlas)]
    [InlineData(null, false, DenseKernelKind.Managed)]
    [InlineData("", true, DenseKernelKind.OpenBlas)]
    [InlineData("auto", true, DenseKernelKind.OpenBlas)]
    [InlineData(" Auto ", false, DenseKernelKind.Managed)]
    [InlineData("managed", true, DenseKernelKind.Managed)]
    [InlineData("MANAGED", false, DenseKernelKind.Managed)]
    [InlineData("openblas", true, DenseKernelKind.OpenBlas)]
    [InlineData("OpenBLAS", true, DenseKernelKind.OpenBlas)]
    public void Setting_and_availability_choose_the_kernels(string? setting, bool openBlasAvailable, DenseKernelKind expected)
    {
        Assert.Equal(expected, DenseKernels.Choose(setting, openBlasAvailable));
    }

    [Fact]
    public void Forcing_openblas_without_the_libraries_names_the_variable_and_the_packages()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DenseKernels.Choose("openblas", openBlasAvailable: false));
        Assert.Contains("ORLEANSSWEEP_KERNELS", error.Message, StringComparison.Ordinal);
        Assert.Contains("libopenblas0-pthread", error.Message, StringComparison.Ordinal);
        Assert.Contains("liblapacke", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_setting_is_rejected_with_the_valid_values()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DenseKernels.Choose("mkl", openBlasAvailable: true));
        Assert.Contains("ORLEANSSWEEP_KERNELS", error.Message, StringComparison.Ordinal);
        Assert.Contains("managed, openblas or auto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_follows_the_rule_for_this_process_and_is_described()
    {
        var setting = Environment.GetEnvironmentVariable(DenseKernels.EnvironmentVariable);
        var expected = DenseKernels.Choose(setting, DenseKernels.OpenBlas is not null) == DenseKernelKind.OpenBlas
            ? DenseKernels.OpenBlas
            : DenseKernels.Managed;
        Assert.Same(expected, DenseKernels.Default);
        Assert.StartsWith(DenseKernels.Default.Name + " (", DenseKernels.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Implementations_carry_their_recorded_names()
    {
        Assert.Equal("managed", DenseKernels.Managed.Name);
        if (DenseKernels.OpenBlas is { } native)
        {
            Assert.Equal("openblas", native.Name);
            Assert.Null(DenseKernels.OpenBlasUnavailableReason);
            Assert.Contains("1 thread", DenseKernels.Describe(native), StringComparison.Ordinal);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(DenseKernels.OpenBlasUnavailableReason));
        }
    }
}
