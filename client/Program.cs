using OrleansSweep.Client;

return await SweepCommandLine.Build().Parse(args).InvokeAsync();
