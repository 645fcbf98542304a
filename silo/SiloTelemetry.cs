using OrleansSweep.Telemetry.Export;

namespace OrleansSweep.Silo;

/// <summary>Starts this silo's OTLP export (off without <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) and says so in the log.</summary>
/// <remarks>
/// The role names the service: <c>orleanssweep-worker</c>, <c>orleanssweep-coordinator</c> or <c>orleanssweep-silo</c>
/// (both roles), unless <c>OTEL_SERVICE_NAME</c> is set. Dispose the handle after the host: it flushes (bounded).
/// </remarks>
internal static class SiloTelemetry
{
    public static TelemetryExportHandle Start(string role, TextWriter output, TextWriter errors)
    {
        var telemetry = TelemetryExport.Start(role);
        foreach (var problem in telemetry.Settings.Problems)
        {
            errors.WriteLine($"orleanssweep-silo: telemetry: {problem}");
        }

        output.WriteLine($"orleanssweep-silo: {telemetry.Description}");
        return telemetry;
    }
}
