using OrleansSweep.Silo;

var builder = WebApplication.CreateBuilder(SiloCommandLine.Options());
if (builder.AddSweepSilo(args, Console.Error) is { } exitCode)
{
    return exitCode;
}

var app = builder.Build();
app.MapSweepSiloEndpoints();
await app.RunAsync();
return 0;
