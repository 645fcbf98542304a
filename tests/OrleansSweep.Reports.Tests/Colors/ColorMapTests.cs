using OrleansSweep.Reports.Colors;

namespace OrleansSweep.Reports.Tests.Colors;

public class ColorMapTests
{
    [Fact]
    public void Viridis_endpoints_are_the_published_colours()
    {
        Assert.Equal("#440154", ColorMaps.Viridis.At(0).Hex);
        Assert.Equal("#fde725", ColorMaps.Viridis.At(1).Hex);
        Assert.Equal("#440154", ColorMaps.Viridis.At(-3).Hex);
        Assert.Equal("#fde725", ColorMaps.Viridis.At(7).Hex);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Viridis_luminance_increases_monotonically(int samples)
    {
        var luminance = Luminances(samples);
        for (var k = 1; k < samples; k++)
        {
            Assert.True(luminance[k] > luminance[k - 1], $"luminance drops at sample {k}: {luminance[k - 1]} -> {luminance[k]}");
        }

        Assert.True(luminance[^1] - luminance[0] > 0.7, "viridis spans dark to light");
    }

    [Fact]
    public void Viridis_luminance_never_drops_by_more_than_8_bit_rounding()
    {
        // Between close samples a channel that falls (R in the blue-green part) can round down one step while the
        // rising G has not yet moved: a dip of at most one 8-bit step of one channel (ΔY < 1e-3 at these levels).
        var luminance = Luminances(1001);
        for (var k = 1; k < luminance.Length; k++)
        {
            Assert.True(luminance[k] > luminance[k - 1] - 1e-3, $"luminance drops at sample {k}: {luminance[k - 1]} -> {luminance[k]}");
        }
    }

    [Fact]
    public void Viridis_lightness_steps_are_nearly_uniform()
    {
        // Perceptual uniformity: CIE L* rises by similar amounts between the evenly spaced control points.
        var map = ColorMaps.Viridis;
        var lightness = map.ControlPoints.Select(c => CieLightness(c.RelativeLuminance)).ToArray();
        var steps = lightness.Zip(lightness.Skip(1), (a, b) => b - a).ToArray();
        var mean = steps.Average();
        Assert.All(steps, s => Assert.InRange(s, 0.6 * mean, 1.4 * mean));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public void Colours_between_control_points_are_linear_in_srgb(double fraction)
    {
        var map = ColorMaps.Viridis;
        var a = map.ControlPoints[3];
        var b = map.ControlPoints[4];
        var c = map.At(map.Offset(3) + (fraction * (map.Offset(4) - map.Offset(3))));
        Assert.InRange(c.R, Expected(a.R, b.R) - 1, Expected(a.R, b.R) + 1);
        Assert.InRange(c.G, Expected(a.G, b.G) - 1, Expected(a.G, b.G) + 1);
        Assert.InRange(c.B, Expected(a.B, b.B) - 1, Expected(a.B, b.B) + 1);

        double Expected(byte from, byte to) => from + (fraction * (to - from));
    }

    [Fact]
    public void Diverging_map_runs_blue_through_white_to_red()
    {
        var map = ColorMaps.BlueWhiteRed;
        var low = map.At(0);
        var centre = map.At(0.5);
        var high = map.At(1);
        Assert.True(low.B > low.R, "negative end is blue");
        Assert.True(high.R > high.B, "positive end is red");
        Assert.True(centre.R >= 240 && centre.G >= 240 && centre.B >= 240, $"centre {centre.Hex} is white-ish");
        Assert.True(centre.RelativeLuminance > map.At(0.4).RelativeLuminance && centre.RelativeLuminance > map.At(0.6).RelativeLuminance);
    }

    [Fact]
    public void Diverging_lightness_is_symmetric_about_the_centre()
    {
        // Equal |value| on either side must read equally strong: luminances of mirrored positions agree within 0.06.
        for (var k = 0; k <= 50; k++)
        {
            var t = k / 100.0;
            var left = ColorMaps.BlueWhiteRed.At(0.5 - t).RelativeLuminance;
            var right = ColorMaps.BlueWhiteRed.At(0.5 + t).RelativeLuminance;
            Assert.True(Math.Abs(left - right) < 0.06, $"asymmetric at ±{t}: {left} vs {right}");
        }
    }

    private static double[] Luminances(int samples) =>
        Enumerable.Range(0, samples).Select(k => ColorMaps.Viridis.At(k / (samples - 1.0)).RelativeLuminance).ToArray();

    private static double CieLightness(double y) => y > 216.0 / 24389 ? (116 * Math.Cbrt(y)) - 16 : y * 24389 / 27;

    [Fact]
    public void Not_a_number_maps_to_the_middle()
    {
        Assert.Equal(ColorMaps.Viridis.At(0.5), ColorMaps.Viridis.At(double.NaN));
    }
}
