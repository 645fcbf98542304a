using System.CommandLine;

namespace OrleansSweep.Client.Cluster;

/// <summary>The <c>ID</c> argument of the cluster commands, checked to be a sweep id (a GUID, as <c>submit</c> prints).</summary>
internal static class SweepIdArgument
{
    public static Argument<string> Create() => new("id") { Description = "the sweep id printed by sweep submit" };

    public static Guid? Parse(string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        Console.Error.WriteLine($"error: '{text}' is not a sweep id: pass the id sweep submit printed (a GUID)");
        return null;
    }
}
