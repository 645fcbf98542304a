namespace OrleansSweep.Telemetry.Tests.Support;

internal static partial class OtlpDecoder
{
    public static IEnumerable<OtlpMetric> Metrics(ReadOnlyMemory<byte> request)
    {
        var reader = new ProtoReader(request);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.Length)
            {
                foreach (var metric in ResourceMetrics(reader.ReadMessage()))
                {
                    yield return metric;
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static List<OtlpMetric> ResourceMetrics(ProtoReader reader)
    {
        var service = "";
        var metrics = new List<OtlpMetric>();
        var scopes = new List<ProtoReader>();
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: service = Attributes(reader.ReadMessage(), attributeField: 1).GetValueOrDefault("service.name") as string ?? ""; break;
                case 2: scopes.Add(reader.ReadMessage()); break;
                default: reader.Skip(wire); break;
            }
        }

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

            metrics.AddRange(raw.Select(metric => Metric(metric, service, scopeName)));
        }

        return metrics;
    }

    /// <summary>Metric: name = 1; gauge = 5, sum = 7 (NumberDataPoint), histogram = 9 (HistogramDataPoint).</summary>
    private static OtlpMetric Metric(ProtoReader reader, string service, string scope)
    {
        var name = "";
        var points = new List<OtlpPoint>();
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1: name = reader.ReadString(); break;
                case 5 or 7: points.AddRange(DataPoints(reader.ReadMessage(), histogram: false)); break;
                case 9: points.AddRange(DataPoints(reader.ReadMessage(), histogram: true)); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpMetric(service, scope, name, points);
    }

    /// <summary>
    /// NumberDataPoint: attributes = 7, as_double = 4, as_int = 6 (sfixed64); HistogramDataPoint: attributes = 9,
    /// count = 4 (fixed64).
    /// </summary>
    private static List<OtlpPoint> DataPoints(ProtoReader reader, bool histogram)
    {
        var points = new List<OtlpPoint>();
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1 || wire != ProtoReader.Length)
            {
                reader.Skip(wire);
                continue;
            }

            var point = reader.ReadMessage();
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            var value = double.NaN;
            while (point.Next(out var f, out var w))
            {
                switch (histogram, f)
                {
                    case (false, 7) or (true, 9): AddKeyValue(attributes, point.ReadMessage()); break;
                    case (false, 4): value = point.ReadDouble(); break;
                    case (false, 6): value = (long)point.ReadFixed64(); break;
                    case (true, 4): value = point.ReadFixed64(); break;
                    default: point.Skip(w); break;
                }
            }

            points.Add(new OtlpPoint(attributes, value));
        }

        return points;
    }
}
