namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>
/// The protobuf wire format, just enough to read OTLP: varints, 64/32-bit fixed values and length-delimited fields
/// (strings, bytes, nested messages); groups do not occur in OTLP.
/// </summary>
internal sealed class ProtoReader(ReadOnlyMemory<byte> message)
{
    private int position;

    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int Length = 2;
    public const int Fixed32 = 5;

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next(out int field, out int wireType)
    {
        if (position >= message.Length)
        {
            field = wireType = 0;
            return false;
        }

        var key = ReadVarint();
        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = message.Span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A varint longer than 10 bytes.");
    }

    public ulong ReadFixed64()
    {
        var value = BitConverter.ToUInt64(message.Span.Slice(position, 8));
        position += 8;
        return value;
    }

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = checked((int)ReadVarint());
        var bytes = message.Slice(position, length);
        position += length;
        return bytes;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes().Span);

    public ProtoReader ReadMessage() => new(ReadBytes());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                position += 8;
                break;
            case Length:
                ReadBytes();
                break;
            case Fixed32:
                position += 4;
                break;
            default:
                throw new InvalidDataException($"Wire type {wireType} does not occur in OTLP.");
        }
    }
}
