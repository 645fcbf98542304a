using System.Buffers.Binary;
using System.Text;

namespace OrleansSweep.Parquet.Thrift;

/// <summary>Reads Thrift compact-protocol structs from a byte buffer, with bounds checks on every read.</summary>
/// <remarks>
/// Failure modes: truncated data, an over-long varint, a length or count beyond the buffer, an unknown type
/// id or nesting deeper than <see cref="MaxDepth"/> raise <see cref="InvalidDataException"/> — a footer is
/// untrusted input. Unknown fields are skipped with <see cref="Skip(CompactType, bool)"/>, as the protocol intends. Not thread-safe.
/// </remarks>
internal sealed class ThriftCompactReader(ReadOnlyMemory<byte> data)
{
    /// <summary>Deepest struct/list nesting accepted (Parquet metadata nests about five levels).</summary>
    public const int MaxDepth = 64;

    private readonly Stack<short> enclosingFieldIds = new();
    private short lastFieldId;
    private int position;

    public int Position => position;

    public void BeginStruct()
    {
        if (enclosingFieldIds.Count >= MaxDepth)
        {
            throw Corrupt("structs nested too deeply");
        }

        enclosingFieldIds.Push(lastFieldId);
        lastFieldId = 0;
    }

    /// <summary>Ends the struct whose stop byte <see cref="TryReadFieldHeader"/> has just consumed.</summary>
    public void EndStruct() => lastFieldId = enclosingFieldIds.Pop();

    /// <summary>Reads the next field header; false at the struct's stop byte.</summary>
    /// <remarks>For a boolean field the value is the type itself: see <see cref="BoolFieldValue"/>.</remarks>
    public bool TryReadFieldHeader(out short id, out CompactType type)
    {
        var header = ReadByte();
        if (header == (byte)CompactType.Stop)
        {
            id = 0;
            type = CompactType.Stop;
            return false;
        }

        type = (CompactType)(header & 0x0F);
        var delta = header >> 4;
        id = delta == 0 ? ToInt16(ReadI32()) : ToInt16(lastFieldId + delta);
        lastFieldId = id;
        return true;
    }

    public static bool BoolFieldValue(CompactType type) => type switch
    {
        CompactType.BooleanTrue => true,
        CompactType.BooleanFalse => false,
        _ => throw Corrupt($"expected a boolean field, found type {type}"),
    };

    /// <summary>Reads a list (or set) header: the element type and the element count.</summary>
    public int ReadListHeader(out CompactType elementType)
    {
        var header = ReadByte();
        elementType = (CompactType)(header & 0x0F);
        var count = header >> 4;
        if (count == 15)
        {
            count = ToLength(ReadVarint());
        }

        // Every element takes at least one byte, so a larger count cannot be honest.
        if (count > data.Length - position)
        {
            throw Corrupt($"list of {count} elements in {data.Length - position} bytes");
        }

        return count;
    }

    public sbyte ReadI8() => (sbyte)ReadByte();

    public short ReadI16() => ToInt16(ReadI32());

    public int ReadI32()
    {
        var raw = ReadVarint();
        if (raw > uint.MaxValue)
        {
            throw Corrupt("i32 varint out of range");
        }

        var value = (uint)raw;
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    public long ReadI64()
    {
        var value = ReadVarint();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public byte[] ReadBinary() => Take(ToLength(ReadVarint())).ToArray();

    public string ReadString()
    {
        var bytes = Take(ToLength(ReadVarint()));
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a boolean list element (one byte: 1 true, anything else false).</summary>
    public bool ReadBoolElement() => ReadByte() == 1;

    /// <summary>Skips a value of <paramref name="type"/>: a field's value, or a list element when <paramref name="isElement"/>.</summary>
    public void Skip(CompactType type, bool isElement = false) => Skip(type, isElement, depth: 0);

    private void Skip(CompactType type, bool isElement, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Corrupt("values nested too deeply");
        }

        switch (type)
        {
            case CompactType.BooleanTrue or CompactType.BooleanFalse:
                if (isElement)
                {
                    ReadByte();
                }

                break;
            case CompactType.Byte:
                ReadByte();
                break;
            case CompactType.I16 or CompactType.I32 or CompactType.I64:
                ReadVarint();
                break;
            case CompactType.Double:
                Take(8);
                break;
            case CompactType.Uuid:
                Take(16);
                break;
            case CompactType.Binary:
                Take(ToLength(ReadVarint()));
                break;
            case CompactType.List or CompactType.Set:
                var count = ReadListHeader(out var elementType);
                for (var i = 0; i < count; i++)
                {
                    Skip(elementType, isElement: true, depth + 1);
                }

                break;
            case CompactType.Map:
                SkipMap(depth);
                break;
            case CompactType.Struct:
                BeginStruct();
                while (TryReadFieldHeader(out _, out var fieldType))
                {
                    Skip(fieldType, isElement: false, depth + 1);
                }

                EndStruct();
                break;
            default:
                throw Corrupt($"unknown compact type {(byte)type}");
        }
    }

    private void SkipMap(int depth)
    {
        var count = ToLength(ReadVarint());
        if (count == 0)
        {
            return;
        }

        var types = ReadByte();
        for (var i = 0; i < count; i++)
        {
            Skip((CompactType)(types >> 4), isElement: true, depth + 1);
            Skip((CompactType)(types & 0x0F), isElement: true, depth + 1);
        }
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Corrupt("varint longer than 10 bytes");
    }

    private byte ReadByte() => Take(1)[0];

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > data.Length - position)
        {
            throw Corrupt($"needs {length} bytes at offset {position} of {data.Length}");
        }

        var span = data.Span.Slice(position, length);
        position += length;
        return span;
    }

    private static int ToLength(ulong value) =>
        value <= int.MaxValue ? (int)value : throw Corrupt($"length {value} out of range");

    private static short ToInt16(int value) =>
        value is >= short.MinValue and <= short.MaxValue ? (short)value : throw Corrupt($"field id {value} out of range");

    private static InvalidDataException Corrupt(string detail) => new($"Corrupt Thrift compact data: {detail}.");
}
