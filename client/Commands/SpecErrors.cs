using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Client.Commands;

/// <summary>Prints spec validation errors: one per line, the field first, then the fix.</summary>
internal static class SpecErrors
{
    public static int Report(SpecValidationException exception, TextWriter error)
    {
        error.WriteLine($"{exception.SourceName}: {exception.Errors.Count} error(s); nothing was computed.");
        foreach (var item in exception.Errors)
        {
            error.WriteLine($"  {item.Field}: {item.Message}");
            error.WriteLine($"    fix: {item.Fix}");
        }

        return ExitCodes.InvalidInput;
    }
}
