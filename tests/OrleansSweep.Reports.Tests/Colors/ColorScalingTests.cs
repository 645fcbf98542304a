using OrleansSweep.Reports.Colors;

namespace OrleansSweep.Reports.Tests.Colors;

public class ColorScalingTests
{
    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(-0.8, 0.05)]
    [InlineData(-0.001, 300.0)]
    public void Data_straddling_zero_get_a_diverging_scale_centred_at_zero(double min, double max)
    {
        var scaling = ColorScaling.Resolve(ColorScale.Auto, [min, 0.5 * (min + max), max]);
        Assert.Equal(ColorScale.Diverging, scaling.Kind);
        Assert.Equal(0.5, scaling.ToUnit(0.0), 12);
        Assert.Equal("#f7f7f7", scaling.ColorOf(0.0).Hex);
        Assert.Equal(-scaling.Lo, scaling.Hi, 12);
        Assert.Equal(Math.Max(-min, max), scaling.Hi, 12);
    }

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(-5.0, -1.0)]
    [InlineData(3.0, 3.5)]
    public void One_signed_data_get_viridis_over_their_range(double min, double max)
    {
        var scaling = ColorScaling.Resolve(ColorScale.Auto, [min, max]);
        Assert.Equal(ColorScale.Sequential, scaling.Kind);
        Assert.Equal(0.0, scaling.ToUnit(min), 12);
        Assert.Equal(1.0, scaling.ToUnit(max), 12);
        Assert.Equal("#440154", scaling.ColorOf(min).Hex);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(-2.5)]
    [InlineData(1e-300)]
    public void A_constant_field_gets_a_domain_of_positive_width(double value)
    {
        foreach (var scale in new[] { ColorScale.Auto, ColorScale.Sequential, ColorScale.Diverging })
        {
            var scaling = ColorScaling.Resolve(scale, [value, value, value]);
            Assert.True(scaling.Hi > scaling.Lo);
            Assert.True(double.IsFinite(scaling.ToUnit(value)));
        }

        Assert.Equal(0.5, ColorScaling.Resolve(ColorScale.Sequential, [value]).ToUnit(value), 12);
    }

    [Fact]
    public void Log_scale_spans_the_positive_values_in_decades()
    {
        var scaling = ColorScaling.Resolve(ColorScale.LogSequential, [-1.0, 0.0, 0.01, 1.0, 100.0]);
        Assert.Equal(0.01, scaling.Lo);
        Assert.Equal(100.0, scaling.Hi);
        Assert.Equal(0.5, scaling.ToUnit(1.0), 12);
        Assert.False(scaling.IsDrawable(0.0));
        Assert.False(scaling.IsDrawable(-1.0));
        Assert.True(scaling.IsDrawable(1e-9));
    }

    [Fact]
    public void No_values_still_give_a_usable_domain()
    {
        foreach (var scale in Enum.GetValues<ColorScale>())
        {
            var scaling = ColorScaling.Resolve(scale, []);
            Assert.True(scaling.Hi > scaling.Lo);
        }
    }
}
