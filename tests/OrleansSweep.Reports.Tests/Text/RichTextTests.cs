using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.Tests.Text;

public class RichTextTests
{
    [Fact]
    public void Subscript_takes_the_following_letters_and_digits()
    {
        var runs = RichText.Parse("λ_max = 0");
        Assert.Equal([new TextRun("λ", TextShift.None), new TextRun("max", TextShift.Sub), new TextRun(" = 0", TextShift.None)], runs);
    }

    [Fact]
    public void Sub_and_superscripts_combine()
    {
        var runs = RichText.Parse("σ_w^2");
        Assert.Equal([new TextRun("σ", TextShift.None), new TextRun("w", TextShift.Sub), new TextRun("2", TextShift.Super)], runs);
    }

    [Fact]
    public void Braced_groups_take_any_characters()
    {
        var runs = RichText.Parse("10^{−3} s");
        Assert.Equal([new TextRun("10", TextShift.None), new TextRun("−3", TextShift.Super), new TextRun(" s", TextShift.None)], runs);
    }

    [Theory]
    [InlineData(@"run\_01", "run_01")]
    [InlineData("x_", "x_")]
    [InlineData("a ^ b", "a ^ b")]
    [InlineData("x_{", "x_{")]
    [InlineData("", "")]
    public void Escaped_or_dangling_markers_stay_literal(string markup, string plain)
    {
        Assert.Equal(plain, RichText.Plain(markup));
        Assert.All(RichText.Parse(markup), run => Assert.Equal(TextShift.None, run.Shift));
    }

    [Fact]
    public void Width_grows_with_text_and_font_size_and_shrinks_for_subscripts()
    {
        Assert.True(RichText.EstimateWidth("g_h", 13) < RichText.EstimateWidth("gh", 13));
        Assert.Equal(2 * RichText.EstimateWidth("α_r (a.u.)", 10), RichText.EstimateWidth("α_r (a.u.)", 20), 9);
        Assert.True(RichText.EstimateWidth("0.25", 11) > RichText.EstimateWidth("0.2", 11));
    }
}
