using System.Buffers;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Thrift;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Parquet.Tests.Thrift;

public sealed class ThriftCompactProtocolTests
{
    [Fact]
    public void Zigzag_folds_signed_values_onto_small_unsigned_codes()
    {
        // The compact protocol spec: 0, -1, 1, -2, 2 … map to 0, 1, 2, 3, 4 …
        Assert.Equal([0u, 1u, 2u, 3u, 4u], new[] { 0, -1, 1, -2, 2 }.Select(ThriftCompactWriter.ZigZag));
        Assert.Equal(uint.MaxValue, ThriftCompactWriter.ZigZag(int.MinValue));
        Assert.Equal(uint.MaxValue - 1, ThriftCompactWriter.ZigZag(int.MaxValue));
        Assert.Equal(ulong.MaxValue, ThriftCompactWriter.ZigZag(long.MinValue));
    }

    [Fact]
    public void Field_headers_use_one_byte_for_id_deltas_of_1_to_15_and_the_long_form_otherwise()
    {
        var bytes = Encode(writer =>
        {
            writer.BeginStruct();
            writer.WriteI32Field(1, 0);    // delta 1: 0x15, value 0x00
            writer.WriteI32Field(16, 0);   // delta 15: 0xF5, 0x00
            writer.WriteI32Field(40, 0);   // delta 24: long form 0x05, zigzag(40) = 80 = 0x50, 0x00
            writer.WriteI32Field(3, 0);    // backwards: long form 0x05, zigzag(3) = 6, 0x00
            writer.WriteBoolField(4, true); // delta 1, type BOOLEAN_TRUE: 0x11, no value byte
            writer.EndStruct();            // stop 0x00
        });

        Assert.Equal([0x15, 0x00, 0xF5, 0x00, 0x05, 0x50, 0x00, 0x05, 0x06, 0x00, 0x11, 0x00], bytes);
    }

    [Fact]
    public void List_headers_pack_sizes_below_15_into_the_type_byte()
    {
        var shortList = Encode(writer => writer.WriteListHeader(CompactType.I32, 14));
        var longList = Encode(writer => writer.WriteListHeader(CompactType.I32, 15));
        var longer = Encode(writer => writer.WriteListHeader(CompactType.Struct, 300));

        Assert.Equal([0xE5], shortList);
        Assert.Equal([0xF5, 0x0F], longList);
        Assert.Equal([0xFC, 0xAC, 0x02], longer); // 300 = 0b10_0101100 → 0xAC 0x02
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Random_structs_round_trip_field_by_field(ulong seed)
    {
        var random = new RandomStream(seed);
        var fields = new List<(short Id, int Kind, object Value)>();
        short id = 0;
        for (var i = 0; i < 200; i++)
        {
            id = (short)(id + 1 + (int)(random.NextUInt64() % 40)); // deltas both within and beyond 15
            var kind = (int)(random.NextUInt64() % 5);
            object value = kind switch
            {
                0 => (int)random.NextUInt64(),
                1 => (long)random.NextUInt64(),
                2 => random.NextDouble() < 0.5,
                3 => $"s{random.NextUInt64()}é日😀",
                _ => Enumerable.Range(0, (int)(random.NextUInt64() % 40)).Select(_ => (long)random.NextUInt64()).ToArray(),
            };
            fields.Add((id, kind, value));
        }

        var bytes = Encode(writer =>
        {
            writer.BeginStruct();
            foreach (var (fieldId, kind, value) in fields)
            {
                switch (kind)
                {
                    case 0: writer.WriteI32Field(fieldId, (int)value); break;
                    case 1: writer.WriteI64Field(fieldId, (long)value); break;
                    case 2: writer.WriteBoolField(fieldId, (bool)value); break;
                    case 3: writer.WriteStringField(fieldId, (string)value); break;
                    default:
                        var list = (long[])value;
                        writer.BeginListField(fieldId, CompactType.I64, list.Length);
                        foreach (var element in list)
                        {
                            writer.WriteI64(element);
                        }

                        break;
                }
            }

            writer.EndStruct();
        });

        var reader = new ThriftCompactReader(bytes);
        reader.BeginStruct();
        foreach (var (fieldId, kind, value) in fields)
        {
            Assert.True(reader.TryReadFieldHeader(out var readId, out var type));
            Assert.Equal(fieldId, readId);
            object read = kind switch
            {
                0 => reader.ReadI32(),
                1 => reader.ReadI64(),
                2 => ThriftCompactReader.BoolFieldValue(type),
                3 => reader.ReadString(),
                _ => Enumerable.Range(0, reader.ReadListHeader(out _)).Select(_ => reader.ReadI64()).ToArray(),
            };
            Assert.Equal(value, read);
        }

        Assert.False(reader.TryReadFieldHeader(out _, out _));
        reader.EndStruct();
        Assert.Equal(bytes.Length, reader.Position);
    }

    [Fact]
    public void Unknown_fields_of_every_type_are_skipped()
    {
        var bytes = Encode(writer =>
        {
            writer.BeginStruct();
            writer.WriteBoolField(1, false);
            writer.WriteI16Field(2, -300);
            writer.WriteI64Field(3, long.MinValue);
            writer.WriteBinaryField(4, [1, 2, 3]);
            writer.BeginStructField(5);
            writer.BeginListField(1, CompactType.Struct, 20);
            for (var i = 0; i < 20; i++)
            {
                writer.BeginStruct();
                writer.WriteStringField(7, "nested");
                writer.EndStruct();
            }

            writer.EndStruct();
            writer.WriteI32Field(6, 123456);
            writer.EndStruct();
        });

        var reader = new ThriftCompactReader(bytes);
        reader.BeginStruct();
        int? found = null;
        while (reader.TryReadFieldHeader(out var id, out var type))
        {
            if (id == 6)
            {
                found = reader.ReadI32();
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        Assert.Equal(123456, found);
        Assert.Equal(bytes.Length, reader.Position);
    }

    [Fact]
    public void Truncated_or_lying_input_is_invalid_data()
    {
        var bytes = Encode(writer =>
        {
            writer.BeginStruct();
            writer.WriteStringField(1, "hello");
            writer.EndStruct();
        });

        Assert.Throws<InvalidDataException>(() => ReadAll(bytes[..^3]));
        Assert.Throws<InvalidDataException>(() => ReadAll([0x19, 0xF8, 0xFF, 0xFF, 0xFF, 0x07])); // list of 2^31-1 strings in 6 bytes
        Assert.Throws<InvalidDataException>(() => ReadAll([0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])); // 11-byte varint
        Assert.Throws<InvalidDataException>(() => ReadAll(Enumerable.Repeat((byte)0x1C, 1000).ToArray())); // structs nested 1000 deep
        Assert.Throws<InvalidDataException>(() => ReadAll([0x1E, 0x00])); // type 14 does not exist
    }

    [Theory]
    [InlineData(10UL)]
    [InlineData(20UL)]
    [InlineData(30UL)]
    public void Corrupted_footers_fail_only_with_invalid_data(ulong seed)
    {
        // A real footer with random bytes overwritten must never crash the reader in any other way.
        var footer = Encode(writer => MetadataSerializer.Write(writer, SampleFooter()));
        var random = new RandomStream(seed);
        for (var trial = 0; trial < 300; trial++)
        {
            var corrupted = (byte[])footer.Clone();
            var flips = 1 + (int)(random.NextUInt64() % 4);
            for (var f = 0; f < flips; f++)
            {
                corrupted[random.NextUInt64() % (ulong)corrupted.Length] = (byte)random.NextUInt64();
            }

            try
            {
                MetadataDeserializer.ReadFileMetaData(new ThriftCompactReader(corrupted));
            }
            catch (InvalidDataException)
            {
                // Expected for most corruptions; some leave a still well-formed footer.
            }
        }

        Assert.Equal(SampleFooter().NumRows, MetadataDeserializer.ReadFileMetaData(new ThriftCompactReader(footer)).NumRows);
    }

    private static FileMetaData SampleFooter()
    {
        var statistics = new Statistics(3, [1, 0, 0, 0], [9, 0, 0, 0], [1, 0, 0, 0], [9, 0, 0, 0]);
        var meta = new ColumnMetaData(PhysicalType.Int32, [PageEncoding.Plain, PageEncoding.Rle], ["x"], CompressionCodec.Snappy, 10, 100, 90, 4, statistics);
        return new FileMetaData(
            1,
            [new SchemaElement("schema", NumChildren: 1), new SchemaElement("x", PhysicalType.Int32, FieldRepetitionType.Optional)],
            10,
            [new RowGroup([new ColumnChunk(4, meta)], 100, 10, 4, 90)],
            [new KeyValue("k", "v")],
            "test");
    }

    private static void ReadAll(byte[] bytes)
    {
        var reader = new ThriftCompactReader(bytes);
        reader.Skip(CompactType.Struct);
    }

    private static byte[] Encode(Action<ThriftCompactWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new ThriftCompactWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }
}
