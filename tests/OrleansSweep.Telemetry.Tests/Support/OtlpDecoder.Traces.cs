namespace OrleansSweep.Telemetry.Tests.Support;

internal static partial class OtlpDecoder
{
    /// <summary>OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</summary>
    public const int KindInternal = 1;
    public const int KindServer = 2;
    public const int KindClient = 3;
    public const int KindProducer = 4;
    public const int KindConsumer = 5;

    public static IEnumerable<OtlpSpan> Traces(ReadOnlyMemory<byte> request)
    {
        var reader = new ProtoReader(request);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.Length)
            {
                foreach (var span in ResourceSpans(reader.ReadMessage()))
                {
                    yield return span;
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static List<OtlpSpan> ResourceSpans(ProtoReader reader)
    {
        IReadOnlyDictionary<string, object?> resource = new Dictionary<string, object?>();
        var scopes = new List<ProtoReader>();
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: resource = Attributes(reader.ReadMessage(), attributeField: 1); break;
                case 2: scopes.Add(reader.ReadMessage()); break;
                default: reader.Skip(wire); break;
            }
        }

        var service = resource.GetValueOrDefault("service.name") as string ?? "";
        var spans = new List<OtlpSpan>();
        foreach (var scope in scopes)
        {
            var scopeName = "";
            var raw = new List<ProtoReader>();
            while (scope.Next(out var field, out var wire))
            {
                switch (field)
                {
                    case 1: scopeName = ScopeName(scope.ReadMessage()); break;
                    case 2: raw.Add(scope.ReadMessage()); break;
                    default: scope.Skip(wire); break;
                }
            }

            spans.AddRange(raw.Select(span => Span(span, service, resource, scopeName)));
        }

        return spans;
    }

    private static OtlpSpan Span(ProtoReader reader, string service, IReadOnlyDictionary<string, object?> resource, string scope)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var status = 0;
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        var links = new List<(string, string)>();
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: traceId = Hex(reader.ReadBytes()); break;
                case 2: spanId = Hex(reader.ReadBytes()); break;
                case 4: parent = Hex(reader.ReadBytes()); break;
                case 5: name = reader.ReadString(); break;
                case 6: kind = (int)reader.ReadVarint(); break;
                case 9: AddKeyValue(attributes, reader.ReadMessage()); break;
                case 13: links.Add(Link(reader.ReadMessage())); break;
                case 15: status = StatusCode(reader.ReadMessage()); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpSpan(service, resource, scope, traceId, spanId, parent, name, kind, attributes, links, status);
    }

    private static (string TraceId, string SpanId) Link(ProtoReader reader)
    {
        string traceId = "", spanId = "";
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: traceId = Hex(reader.ReadBytes()); break;
                case 2: spanId = Hex(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }

        return (traceId, spanId);
    }

    private static int StatusCode(ProtoReader reader)
    {
        var code = 0;
        while (reader.Next(out var field, out var wire))
        {
            if (field == 3)
            {
                code = (int)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return code;
    }
}
