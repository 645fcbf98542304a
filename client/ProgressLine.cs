using System.Globalization;
using OrleansSweep.Contracts;

namespace OrleansSweep.Client;

/// <summary>
/// A progress bar (cells done / failed / rate / ETA) that redraws in place on a terminal and prints a line per
/// 10 % when the output is redirected (CI logs stay short).
/// </summary>
internal sealed class ProgressLine(TextWriter output)
{
    private const int Width = 30;
    private readonly Lock gate = new();
    private readonly bool interactive = !Console.IsOutputRedirected;
    private int lastDecile = -1;
    private bool drawn;

    public void Report(SweepStatus progress)
    {
        lock (gate)
        {
            var fraction = progress.Total == 0 ? 1 : (double)progress.Done / progress.Total;
            var filled = (int)Math.Round(fraction * Width);
            var eta = progress.EtaSeconds is { } remaining ? TimeSpan.FromSeconds(remaining).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
            var text = string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('.', Width - filled)}] {progress.Done}/{progress.Total} cells, {progress.Failed} failed, {progress.CellsPerSecond:F2} cells/s, ETA {eta}");
            if (interactive)
            {
                output.Write("\r" + text);
                drawn = true;
            }
            else if ((int)(fraction * 10) is var decile && decile > lastDecile)
            {
                lastDecile = decile;
                output.WriteLine(text);
            }
        }
    }

    public void Finish()
    {
        lock (gate)
        {
            if (drawn)
            {
                output.WriteLine();
                drawn = false;
            }
        }
    }
}
