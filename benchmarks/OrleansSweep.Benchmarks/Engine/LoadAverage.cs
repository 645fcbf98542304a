namespace OrleansSweep.Benchmarks.Engine;

/// <summary>The machine's load average (1, 5, 15 min), printed next to every number: the machine is shared.</summary>
internal static class LoadAverage
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
