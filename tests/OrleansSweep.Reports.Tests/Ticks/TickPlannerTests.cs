using OrleansSweep.Reports.Text;
using OrleansSweep.Reports.Ticks;

namespace OrleansSweep.Reports.Tests.Ticks;

public class TickPlannerTests
{
    [Theory]
    [InlineData(0.0, 1000.0, 80.0)]
    [InlineData(0.0, 1000.0, 400.0)]
    [InlineData(-0.123, 0.456, 150.0)]
    [InlineData(12345.0, 98765.0, 300.0)]
    [InlineData(0.45, 6.05, 480.0)]
    public void Horizontal_labels_never_overlap(double lo, double hi, double lengthPx)
    {
        var ticks = TickPlanner.Plan(lo, hi, false, lengthPx, horizontal: true, 11).Where(t => t.Major).ToList();
        Assert.NotEmpty(ticks);
        for (var k = 1; k < ticks.Count; k++)
        {
            var gapPx = (ticks[k].Position - ticks[k - 1].Position) / (hi - lo) * lengthPx;
            var halfWidths = 0.5 * (RichText.EstimateWidth(ticks[k].Label, 11) + RichText.EstimateWidth(ticks[k - 1].Label, 11));
            Assert.True(gapPx > halfWidths, $"labels {ticks[k - 1].Label} and {ticks[k].Label} overlap");
        }
    }

    [Fact]
    public void Labels_share_one_number_of_decimals()
    {
        var labels = TickPlanner.Plan(0.0, 1.0, false, 400, horizontal: false, 11).Select(t => t.Label).ToList();
        string[] tenths = ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"];
        Assert.Equal(tenths.Where(labels.Contains), labels);
        Assert.All(labels, l => Assert.Equal(3, l.Length));
    }

    [Fact]
    public void Negative_labels_use_the_minus_sign()
    {
        var labels = TickPlanner.Plan(-0.3, 0.3, false, 300, horizontal: false, 11).Select(t => t.Label).ToList();
        Assert.Contains("\u22120.2", labels);
        Assert.Contains("0.0", labels);
        Assert.DoesNotContain(labels, l => l.Contains('-', StringComparison.Ordinal));
    }

    [Fact]
    public void Log_axis_labels_are_decades()
    {
        var ticks = TickPlanner.Plan(Math.Log10(0.05), Math.Log10(200), true, 400, horizontal: true, 11);
        var major = ticks.Where(t => t.Major).ToList();
        Assert.Equal(["0.1", "1", "10", "100"], major.Select(t => t.Label));
        Assert.All(major, t => Assert.Equal(Math.Round(t.Position), t.Position, 12));
        // Minor ticks at 2…9 × 10^k fill the decades when there is room.
        Assert.Contains(ticks, t => !t.Major && Math.Abs(t.Position - Math.Log10(20)) < 1e-12);
    }

    [Fact]
    public void Wide_log_ranges_label_powers_of_ten()
    {
        var labels = TickPlanner.Plan(-8, 3, true, 400, horizontal: true, 11).Where(t => t.Major).Select(t => RichText.Plain(t.Label)).ToList();
        Assert.All(labels, l => Assert.StartsWith("10", l, StringComparison.Ordinal));
        Assert.Contains("10\u22126", labels);
    }

    [Fact]
    public void Log_ranges_under_a_decade_fall_back_to_multiples()
    {
        var ticks = TickPlanner.Plan(Math.Log10(1.5), Math.Log10(9), true, 400, horizontal: true, 11);
        Assert.True(ticks.Count >= 2);
        Assert.Contains(ticks, t => t.Label == "2");
        Assert.Contains(ticks, t => t.Label == "5");
    }

    [Fact]
    public void Single_value_axis_has_one_tick_at_the_value()
    {
        var tick = Assert.Single(TickPlanner.Single(2.5, 2.5));
        Assert.Equal("2.5", tick.Label);
    }

    [Fact]
    public void Tiny_range_still_gets_a_label()
    {
        Assert.NotEmpty(TickPlanner.Plan(0.5, 0.5 + 1e-7, false, 30, horizontal: true, 11));
    }
}
