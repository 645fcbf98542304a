namespace OrleansSweep.Benchmarks.Engine;

/// <summary>One sweep on a probe cluster, timed from the submit.</summary>
/// <param name="Cells">Cells in the sweep.</param>
/// <param name="Durable">Until the first status that counted every cell's result in the coordinator's store.</param>
/// <param name="Completed">Until the first status that said "completed" (results durable and outputs written).</param>
/// <param name="WorkerCpu">CPU time of all worker silos over the sweep.</param>
/// <param name="CoordinatorCpu">CPU time of the coordinator silo over the sweep.</param>
/// <param name="BrokerCpu">CPU time of RabbitMQ over the sweep (null when unreadable; it serves every probe cluster).</param>
/// <param name="ClientCpu">CPU time of the probe process (submit, status polling) over the sweep.</param>
/// <param name="CellsBySilo">Results by the worker that computed them.</param>
/// <param name="MachineCpu">CPU time of the whole machine over the sweep (all cores, from /proc/stat; zero when absent).</param>
internal sealed record BrokerSweepTiming(
    int Cells,
    TimeSpan Durable,
    TimeSpan Completed,
    TimeSpan WorkerCpu,
    TimeSpan CoordinatorCpu,
    TimeSpan? BrokerCpu,
    TimeSpan ClientCpu,
    IReadOnlyDictionary<string, int> CellsBySilo,
    TimeSpan MachineCpu)
{
    /// <summary>CPU time of everything else on the machine over the sweep (other jobs; also the idle clusters of the
    /// probe): a busy machine shows here.</summary>
    public TimeSpan OtherCpu => MachineCpu - WorkerCpu - CoordinatorCpu - (BrokerCpu ?? TimeSpan.Zero) - ClientCpu;
}
