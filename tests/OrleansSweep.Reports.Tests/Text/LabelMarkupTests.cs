using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.Tests.Text;

public class LabelMarkupTests
{
    [Theory]
    [InlineData("phase_map.parquet")]
    [InlineData("lyapunov_max_sem")]
    [InlineData("a^b\\c_{d}")]
    public void A_literal_name_renders_as_one_plain_run_of_itself(string name)
    {
        var runs = RichText.Parse("column " + LabelMarkup.Literal(name) + " of λ_max");

        Assert.Equal(new TextRun("column " + name + " of λ", TextShift.None), runs[0]);
        Assert.Equal(new TextRun("max", TextShift.Sub), runs[1]);
    }
}
