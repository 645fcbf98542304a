using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// Output of the broker probe: one JSON object per line, in the form of the other probes
/// (<c>{"bench": "…", …}</c>, read by benchmarks/summarize.py's peers loader), and "# " lines for people.
/// </summary>
internal static class BrokerReport
{
    /// <summary>Prints <paramref name="fields"/> as one JSON line: doubles with 3 decimals, null as null, dictionaries as objects.</summary>
    public static void Json(params (string Key, object? Value)[] fields)
    {
        var line = new StringBuilder("{");
        for (var i = 0; i < fields.Length; i++)
        {
            line.Append(i == 0 ? "" : ", ").Append(JsonSerializer.Serialize(fields[i].Key)).Append(": ").Append(Value(fields[i].Value));
        }

        Console.WriteLine(line.Append('}').ToString());
    }

    public static void Note(string text) => Console.WriteLine($"# {text}");

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }

    /// <summary>The 1, 5 and 15 minute load averages ("0.52 1.10 2.71"), or "" where /proc is absent.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Busy CPU time of all cores since boot (user, nice, system, irq, softirq, steal in /proc/stat); zero where absent.</summary>
    public static TimeSpan MachineCpu()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Field(int i) => fields.Length > i ? long.Parse(fields[i], CultureInfo.InvariantCulture) : 0;
            // USER_HZ is 100 on Linux: one tick is 10 ms.
            return TimeSpan.FromMilliseconds(10.0 * (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)));
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

    private static string Value(object? value) => value switch
    {
        null => "null",
        double d when double.IsFinite(d) => Math.Round(d, 3).ToString("0.0##", CultureInfo.InvariantCulture),
        double => "null",
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IEnumerable<double> list => $"[{string.Join(", ", list.Select(d => Value(d)))}]",
        _ => JsonSerializer.Serialize(value),
    };
}
