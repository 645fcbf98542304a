namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>
/// Decodes <c>ExportTraceServiceRequest</c> and <c>ExportMetricsServiceRequest</c> (opentelemetry-proto
/// collector/{trace,metrics}/v1), reading only the fields the tests look at and skipping the rest.
/// </summary>
internal static partial class OtlpDecoder
{
    private static string ScopeName(ProtoReader reader)
    {
        var name = "";
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1)
            {
                name = reader.ReadString();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return name;
    }

    private static Dictionary<string, object?> Attributes(ProtoReader reader, int attributeField)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Next(out var field, out var wire))
        {
            if (field == attributeField && wire == ProtoReader.Length)
            {
                AddKeyValue(attributes, reader.ReadMessage());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return attributes;
    }

    /// <summary>KeyValue: key = 1, value = 2 (AnyValue: string 1, bool 2, int64 3, double 4; arrays etc. skipped).</summary>
    private static void AddKeyValue(Dictionary<string, object?> attributes, ProtoReader reader)
    {
        var key = "";
        object? value = null;
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1)
            {
                key = reader.ReadString();
            }
            else if (field == 2)
            {
                var any = reader.ReadMessage();
                while (any.Next(out var f, out var w))
                {
                    value = f switch
                    {
                        1 => any.ReadString(),
                        2 => any.ReadVarint() != 0,
                        3 => (long)any.ReadVarint(),
                        4 => any.ReadDouble(),
                        _ => Skipped(any, w),
                    };
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        attributes[key] = value;
    }

    private static object? Skipped(ProtoReader reader, int wire)
    {
        reader.Skip(wire);
        return null;
    }

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);
}
