using System.Diagnostics;
using System.Text;

namespace OrleansSweep.Reports.Tests.Rendering;

/// <summary>Renders a sample heat map in a real browser (headless Chromium) and checks the picture is not blank.</summary>
public class BrowserScreenshotTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void Chromium_renders_the_sample_heat_map()
    {
        Assert.True(
            File.Exists(Chromium),
            $"Chromium is missing at {Chromium}. Run the README test command `bash tests/run.sh`, which installs it "
            + "(apt-get install -y chromium) before running the tests.");
        var dir = SampleMaps.OutputDirectory();
        var svgPath = Path.Combine(dir, "screenshot-heatmap.svg");
        var pngPath = Path.Combine(dir, "heatmap.png");
        File.WriteAllText(svgPath, HeatMapSvg.Render(SampleMaps.LambdaMax(), SampleMaps.LambdaMaxOptions()), new UTF8Encoding(false));
        File.Delete(pngPath);

        Screenshot(svgPath, pngPath, 700, 520);

        Assert.True(new FileInfo(pngPath).Length > 10_000, "the screenshot is suspiciously small");
        var image = PngImage.Load(pngPath);
        Assert.Equal((700, 520), (image.Width, image.Height));
        var distinct = image.Pixels.Distinct().Count();
        Assert.True(distinct > 100, $"only {distinct} distinct colours: the heat map was not painted");
        var nonWhite = image.Pixels.Count(p => p != 0xFFFFFF) / (double)image.Pixels.Length;
        Assert.True(nonWhite > 0.3, $"only {nonWhite:P0} of the picture is painted");
        // Both ends of the diverging map fill whole columns of cells: stable (dark blue) and chaotic (dark red).
        Assert.True(image.Pixels.Count(p => Near(p, 0x053061, 40)) > 500, "no dark-blue cells");
        Assert.True(image.Pixels.Count(p => Near(p, 0x67001F, 40)) > 500, "no dark-red cells");
    }

    private static bool Near(int pixel, int rgb, int tolerance) =>
        Math.Abs(((pixel >> 16) & 255) - ((rgb >> 16) & 255)) <= tolerance
        && Math.Abs(((pixel >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
        && Math.Abs((pixel & 255) - (rgb & 255)) <= tolerance;

    private static void Screenshot(string svgPath, string pngPath, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("orleanssweep-chromium-");
        try
        {
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.FullName, "--screenshot=" + pngPath,
                $"--window-size={width},{height}", new Uri(svgPath).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish the screenshot within 60 s.");
            }

            Assert.True(File.Exists(pngPath), $"Chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
