using System.CommandLine;
using OrleansSweep.Client.Commands;

namespace OrleansSweep.Client;

/// <summary>The <c>sweep</c> command tree.</summary>
internal static class SweepCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("OrleansSweep: phase diagrams of random recurrent networks (Lyapunov spectra, Jacobian spectra, fixed points, theory).");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlotCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(SubmitCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(CancelCommand.Create());
        root.Subcommands.Add(ResultsCommand.Create());
        return root;
    }
}
