using System.Diagnostics;

namespace OrleansSweep.Reports.Tests.Rendering;

/// <summary>Debian's headless Chromium with the network cut off: every host name fails and the proxy goes nowhere.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Fails the test with the fix when Chromium is not installed (never skips).</summary>
    public static void Require() => Assert.True(
        File.Exists(Executable),
        $"Chromium is missing at {Executable}. Run the README test command `bash tests/run.sh`, which installs it "
        + "(apt-get install -y chromium) before running the tests.");

    /// <summary>Loads <paramref name="page"/>, lets its scripts run (virtual time), and returns the DOM and Chromium's log.</summary>
    public static (string Dom, string Log) DumpDom(string page) => Run(page, "--dump-dom", "--virtual-time-budget=15000");

    public static string Screenshot(string page, string png, int width, int height) =>
        Run(page, "--screenshot=" + png, $"--window-size={width},{height}", "--virtual-time-budget=15000", "--hide-scrollbars").Log;

    private static (string Dom, string Log) Run(string page, params string[] extra)
    {
        Require();
        var profile = Directory.CreateTempSubdirectory("orleanssweep-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Offline: no name resolves, and any request that still tried would go to a closed local port.
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile.FullName,
            }.Concat(extra).Append(new Uri(page).AbsoluteUri))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 120 s.");
            }

            return (stdout.Result, stderr.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
