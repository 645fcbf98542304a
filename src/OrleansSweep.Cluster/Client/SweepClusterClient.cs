using System.Diagnostics;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Contracts;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Cluster.Client;

/// <summary>
/// The <c>sweep</c> command's connection to a cluster: sends commands to the coordinator's queue and asks it
/// questions (request/response), over its own short-lived bus.
/// </summary>
/// <remarks>
/// Commands are durable messages: a sweep submitted while the coordinator is down starts when it comes up. Queries
/// are answered only by a running coordinator; they expire with their timeout, and a timeout returns null.
/// </remarks>
public sealed class SweepClusterClient : IAsyncDisposable
{
    private const string CredentialsFix = "check --user/--password and --vhost (the virtual host must exist; the guest user logs in from loopback only)";
    private readonly ServiceProvider provider;
    private readonly IBusControl bus;

    private SweepClusterClient(ServiceProvider provider, BrokerAddress broker)
    {
        this.provider = provider;
        bus = provider.GetRequiredService<IBusControl>();
        Broker = broker;
    }

    public BrokerAddress Broker { get; }

    /// <summary>Connects to the broker of <paramref name="options"/> within <paramref name="timeout"/>.</summary>
    /// <exception cref="ClusterUnreachableException">Nothing answers at the address, or the broker refuses the login.</exception>
    public static async Task<SweepClusterClient> ConnectAsync(ClusterOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var broker = options.Broker;
        await ProbeAsync(broker, timeout, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((_, transport) => ClusterRegistration.ConfigureHost(transport, options));
        });
        var client = new SweepClusterClient(services.BuildServiceProvider(), broker);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.bus.StartAsync(deadline.Token).ConfigureAwait(false);
            return client;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new ClusterUnreachableException(
                $"the broker at {broker} accepts connections but the bus did not start within {timeout.TotalSeconds:0} s ({exception.GetBaseException().Message})",
                exception) { Fix = CredentialsFix };
        }
    }

    /// <summary>Submits (or resubmits, which resumes) a sweep; returns once the broker holds the command.</summary>
    public Task SubmitAsync(StartSweep command, CancellationToken cancellationToken) => SubmitAsync(command, default, cancellationToken);

    /// <summary>
    /// Submits a sweep with its span's context in <see cref="SweepTelemetry.SweepContextHeader"/> (none when
    /// <paramref name="sweepContext"/> is default): the coordinator parents its spans to it and stamps it on every cell.
    /// </summary>
    public async Task SubmitAsync(StartSweep command, ActivityContext sweepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var traceParent = SweepTelemetry.ToTraceParent(sweepContext);
        var endpoint = await bus.GetSendEndpoint(QueueNames.Queue(QueueNames.Coordinator)).ConfigureAwait(false);
        await endpoint.Send(command, context =>
        {
            if (traceParent is not null)
            {
                context.Headers.Set(SweepTelemetry.SweepContextHeader, traceParent);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the coordinator to cancel a sweep; returns once the broker holds the command.</summary>
    public Task CancelAsync(Guid sweepId, CancellationToken cancellationToken) => SendAsync(new CancelSweep(sweepId), cancellationToken);

    /// <summary>The sweep's status, or null when no coordinator answered within <paramref name="timeout"/>.</summary>
    public Task<SweepStatus?> StatusAsync(Guid sweepId, TimeSpan timeout, CancellationToken cancellationToken) =>
        AskAsync<GetSweepStatus, SweepStatus>(new GetSweepStatus(sweepId), timeout, cancellationToken);

    /// <summary>The sweep's outputs (or why they are not ready), or null when no coordinator answered in time.</summary>
    public Task<SweepResults?> ResultsAsync(Guid sweepId, TimeSpan timeout, CancellationToken cancellationToken) =>
        AskAsync<GetSweepResults, SweepResults>(new GetSweepResults(sweepId), timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await bus.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The broker went away: nothing is left to flush, the connection is dropped with the provider.
        }

        await provider.DisposeAsync().ConfigureAwait(false);
    }

    private async Task SendAsync<T>(T message, CancellationToken cancellationToken)
        where T : class
    {
        var endpoint = await bus.GetSendEndpoint(QueueNames.Queue(QueueNames.Coordinator)).ConfigureAwait(false);
        await endpoint.Send(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse?> AskAsync<TRequest, TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        var client = bus.CreateRequestClient<TRequest>(QueueNames.Queue(QueueNames.Coordinator), RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
        try
        {
            var response = await client.GetResponse<TResponse>(request, cancellationToken).ConfigureAwait(false);
            return response.Message;
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
    }

    /// <summary>A plain TCP connect first: "connection refused" is reported at once and in plain words.</summary>
    private static async Task ProbeAsync(BrokerAddress broker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await tcp.ConnectAsync(broker.Host, broker.Port, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = exception is SocketException socket ? socket.Message : $"no answer within {timeout.TotalSeconds:0} s";
            throw new ClusterUnreachableException($"cannot reach the broker at {broker}: {reason}", exception)
            {
                Fix = "check --cluster (host and port of the RabbitMQ broker) and that the broker runs; for a local cluster: bash deploy/local-cluster.sh start",
            };
        }
    }
}
