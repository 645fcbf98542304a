using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>
/// A local OTLP/HTTP collector on a free loopback port: accepts <c>POST /v1/traces</c> and <c>POST /v1/metrics</c>
/// (protobuf, optionally gzip), decodes what the tests look at, and answers 200 with an empty response message.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<OtlpSpan> spans = new();
    private readonly ConcurrentQueue<OtlpMetric> metrics = new();
    private readonly ConcurrentQueue<string> problems = new();
    private readonly Task serving;

    public OtlpReceiver()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The base URL, as OTEL_EXPORTER_OTLP_ENDPOINT takes it.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<OtlpSpan> Spans => [.. spans];

    public IReadOnlyList<OtlpMetric> Metrics => [.. metrics];

    /// <summary>Requests that were not OTLP/HTTP protobuf exports to the two paths (should stay empty).</summary>
    public IReadOnlyList<string> Problems => [.. problems];

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving;
        listener.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath;
        if (request.HttpMethod != "POST" || path is not ("/v1/traces" or "/v1/metrics") || request.ContentType != "application/x-protobuf")
        {
            problems.Enqueue($"{request.HttpMethod} {path} ({request.ContentType})");
            context.Response.StatusCode = 404;
            context.Response.Close();
            return;
        }

        using var body = new MemoryStream();
        var input = string.Equals(request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.InputStream, CompressionMode.Decompress)
            : request.InputStream;
        await using (input)
        {
            await input.CopyToAsync(body);
        }

        try
        {
            if (path == "/v1/traces")
            {
                foreach (var span in OtlpDecoder.Traces(body.ToArray()))
                {
                    spans.Enqueue(span);
                }
            }
            else
            {
                foreach (var metric in OtlpDecoder.Metrics(body.ToArray()))
                {
                    metrics.Enqueue(metric);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            problems.Enqueue($"{path}: undecodable ({exception.Message})");
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-protobuf";
        context.Response.ContentLength64 = 0; // an empty Export*ServiceResponse: everything accepted
        context.Response.Close();
    }
}
