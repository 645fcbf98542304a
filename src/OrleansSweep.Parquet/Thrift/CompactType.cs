namespace OrleansSweep.Parquet.Thrift;

/// <summary>Type ids of the Thrift compact protocol (field headers and list/set element headers).</summary>
/// <remarks>
/// In a field header the boolean's value lives in the type nibble (<see cref="BooleanTrue"/> or
/// <see cref="BooleanFalse"/>); as a list element a boolean is one byte, and its element type is written
/// as <see cref="BooleanFalse"/> (2) by the reference implementation, though readers accept 1 too.
/// </remarks>
internal enum CompactType : byte
{
    Stop = 0,
    BooleanTrue = 1,
    BooleanFalse = 2,
    Byte = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    Double = 7,
    Binary = 8,
    List = 9,
    Set = 10,
    Map = 11,
    Struct = 12,
    Uuid = 13,
}
