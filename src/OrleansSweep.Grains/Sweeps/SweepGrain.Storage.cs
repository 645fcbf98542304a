using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Grains.Sweeps;

public sealed partial class SweepGrain
{
    /// <summary>Expands the plan from the stored spec and restores the counted cells (see <see cref="ISweepSchedule"/>).</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var sweep = SpecLoader.Parse(record.State.SpecJson!, $"sweep {SweepId}");
        plan = SweepPlanner.Plan(sweep, outputFolder: string.Empty, cancellationToken);
        schedule = plan.Refinement is null
            ? new GridSchedule(plan, Storage(StorageNames.Sweeps), SweepId)
            : new RefinedSchedule(plan, StoredCells());
        await schedule.LoadAsync(cancellationToken);
        resumed = schedule.Resumed;
        countedHere = 0;
        cursor = 0;
        startedUtc = DateTime.UtcNow;
    }

    private Task FlushAsync(CancellationToken cancellationToken) =>
        schedule?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    private StoredCells StoredCells() => new(Storage(StorageNames.Cells), GrainFactory);

    private IGrainStorage Storage(string name) => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(name);
}
