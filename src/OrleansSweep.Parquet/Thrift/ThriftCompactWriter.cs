using System.Buffers;
using System.Text;

namespace OrleansSweep.Parquet.Thrift;

/// <summary>Writes Thrift compact-protocol structs (the encoding of every Parquet metadata structure).</summary>
/// <remarks>
/// Field headers carry the id as a delta from the previous field of the same struct when the delta is 1..15
/// (one byte: delta in the high nibble, type in the low nibble), else the type byte followed by the id as a
/// zigzag varint. Integers are zigzag varints; binary and strings are a varint length and the bytes; a struct
/// ends with a stop byte (0). Callers must write a struct's fields in increasing id order to get short headers,
/// though any order is valid. Not thread-safe.
/// </remarks>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    private readonly Stack<short> enclosingFieldIds = new();
    private short lastFieldId;

    /// <summary>Starts a struct value (top level or a list element): field ids restart from zero.</summary>
    public void BeginStruct()
    {
        enclosingFieldIds.Push(lastFieldId);
        lastFieldId = 0;
    }

    /// <summary>Writes the stop byte and returns to the enclosing struct's field ids.</summary>
    public void EndStruct()
    {
        WriteByte((byte)CompactType.Stop);
        lastFieldId = enclosingFieldIds.Pop();
    }

    public void WriteBoolField(short id, bool value) =>
        WriteFieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void WriteI16Field(short id, short value)
    {
        WriteFieldHeader(id, CompactType.I16);
        WriteVarint(ZigZag(value));
    }

    public void WriteI32Field(short id, int value)
    {
        WriteFieldHeader(id, CompactType.I32);
        WriteI32(value);
    }

    public void WriteI64Field(short id, long value)
    {
        WriteFieldHeader(id, CompactType.I64);
        WriteI64(value);
    }

    public void WriteBinaryField(short id, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(id, CompactType.Binary);
        WriteBinary(value);
    }

    public void WriteStringField(short id, string value)
    {
        WriteFieldHeader(id, CompactType.Binary);
        WriteString(value);
    }

    /// <summary>Writes a struct field's header and begins the nested struct; close it with <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        WriteFieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>Writes a list field's header; the caller then writes exactly <paramref name="count"/> elements.</summary>
    public void BeginListField(short id, CompactType elementType, int count)
    {
        WriteFieldHeader(id, CompactType.List);
        WriteListHeader(elementType, count);
    }

    public void WriteListHeader(CompactType elementType, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (byte)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (byte)elementType));
            WriteVarint((uint)count);
        }
    }

    public void WriteI32(int value) => WriteVarint(ZigZag(value));

    public void WriteI64(long value) => WriteVarint(ZigZag(value));

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarint((uint)value.Length);
        var span = output.GetSpan(value.Length);
        value.CopyTo(span);
        output.Advance(value.Length);
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((uint)length);
        var span = output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        output.Advance(length);
    }

    internal static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    internal static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    internal void WriteVarint(ulong value)
    {
        var span = output.GetSpan(10);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        output.Advance(length);
    }

    private void WriteFieldHeader(short id, CompactType type)
    {
        var delta = id - lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (byte)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteVarint(ZigZag((int)id));
        }

        lastFieldId = id;
    }

    private void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
