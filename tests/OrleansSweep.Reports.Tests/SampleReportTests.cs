using System.Text;
using System.Xml.Linq;

namespace OrleansSweep.Reports.Tests;

public class SampleReportTests
{
    [Fact]
    public void Writes_a_sample_heat_map_and_report_to_the_test_output()
    {
        var dir = SampleMaps.OutputDirectory();
        var lambda = HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions());
        var xi = HeatMapSvg.Render(SampleMaps.Timescale(), new HeatMapOptions("Timescale ξ (synthetic)", "log σ_w^2 axis, log colour scale", Scale: ColorScale.LogSequential));
        var report = HtmlReport.Render(
            "OrleansSweep sample report",
            [("sweep", "S1 (synthetic demo)"), ("model", "PRX gated RNN, b_k = −β_k"), ("note", "fields are closed forms, not simulations")],
            [
                new ReportSection("λ_max over g_h × α_r", lambda, "Zero contour: edge of chaos. Dashed: theory lines."),
                new ReportSection("Timescale ξ", xi, null),
            ]);

        var svgPath = Path.Combine(dir, "sample-heatmap.svg");
        var reportPath = Path.Combine(dir, "sample-report.html");
        File.WriteAllText(svgPath, lambda, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(dir, "sample-timescale.svg"), xi, new UTF8Encoding(false));
        File.WriteAllText(reportPath, report, new UTF8Encoding(false));

        Assert.Equal("svg", XDocument.Load(svgPath).Root!.Name.LocalName);
        Assert.True(new FileInfo(reportPath).Length > new FileInfo(svgPath).Length);
    }
}
