using System.Globalization;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The estimated peak memory of a sweep: the largest cell's peak times the number of cells that run at once.
/// </summary>
/// <param name="PerCellBytes">Peak bytes of one cell at the largest N of the sweep (see <see cref="MemoryModel"/>).</param>
/// <param name="ConcurrentCells">Cells in memory at once: one per core, at most the number of cells.</param>
/// <param name="LimitBytes">The limit: <c>memoryLimitGb</c> × 2³⁰, or 75 % of the machine's memory.</param>
public sealed record MemoryEstimate(long PerCellBytes, int ConcurrentCells, long LimitBytes)
{
    public long TotalBytes => PerCellBytes > long.MaxValue / Math.Max(1, ConcurrentCells)
        ? long.MaxValue
        : PerCellBytes * ConcurrentCells;

    public bool Fits => TotalBytes <= LimitBytes;

    /// <summary>Bytes in binary units for messages: 512 B, 3.2 MiB, 2.6 TiB.</summary>
    public static string Format(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes.ToString("0", CultureInfo.InvariantCulture)} B"
            : $"{bytes.ToString("0.#", CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
