namespace OrleansSweep.Sweeps.Output;

/// <summary>Writes a file through a temporary sibling and a rename, so a reader never sees half of it.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents)
    {
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        File.WriteAllText(temporary, contents);
        File.Move(temporary, path, overwrite: true);
    }
}
