using Microsoft.Extensions.Hosting;
using OrleansSweep.Cluster.Hosting;
using OrleansSweep.Silo;

var builder = Host.CreateApplicationBuilder(SiloHost.Settings(args));
if (builder.AddSweepSilo(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

// Declared before the host, so disposed after it: the export flushes once the bus has stopped.
using var telemetry = SiloTelemetry.Start(builder.TelemetryRole(), Console.Out, Console.Error);
using var host = builder.Build();
await host.RunAsync();
return 0;
