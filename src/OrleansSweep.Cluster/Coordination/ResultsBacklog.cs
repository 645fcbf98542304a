using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>How many cell results wait, undelivered, in the coordinator's results queue; null when that is unknown.</summary>
internal interface IResultsBacklog
{
    Task<long?> CountAsync(CancellationToken cancellationToken);
}

/// <summary>The in-memory transport keeps no backlog across restarts.</summary>
internal sealed class NoResultsBacklog : IResultsBacklog
{
    public Task<long?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(0);
}

/// <summary>
/// Asks RabbitMQ directly (a passive queue declare on a short-lived connection): MassTransit does not expose queue
/// depths, and a restarted coordinator must let the results that queued up in its absence land before it decides
/// which cells are missing, or it would dispatch every one of them again.
/// </summary>
internal sealed class RabbitMqResultsBacklog(ClusterOptions options) : IResultsBacklog
{
    public async Task<long?> CountAsync(CancellationToken cancellationToken)
    {
        var broker = options.Broker;
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            VirtualHost = broker.VirtualHost,
            UserName = broker.Username,
            Password = broker.Password,
            ClientProvidedName = $"{options.NodeName}-backlog",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var queue = await channel.QueueDeclarePassiveAsync(QueueNames.CellResults, cancellationToken).ConfigureAwait(false);
            return queue.MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0; // the queue does not exist yet: nothing can be waiting in it
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or IOException or TimeoutException)
        {
            return null;
        }
    }
}
