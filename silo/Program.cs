using Microsoft.Extensions.Hosting;
using OrleansSweep.Cluster.Hosting;

var builder = Host.CreateApplicationBuilder(SiloHost.Settings(args));
if (builder.AddSweepSilo(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

using var host = builder.Build();
await host.RunAsync();
return 0;
