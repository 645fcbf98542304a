using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Thrift;
using OrleansSweep.Parquet.Writing;

namespace OrleansSweep.Parquet.Reading;

/// <summary>A file's footer: its metadata and where it starts (the end of the data).</summary>
/// <param name="Metadata">The decoded FileMetaData.</param>
/// <param name="FooterStart">Byte offset of the footer: every column chunk must end at or before it.</param>
/// <param name="FileLength">File size in bytes.</param>
internal sealed record ParquetFooter(FileMetaData Metadata, long FooterStart, long FileLength)
{
    private const int TrailerLength = 8;

    /// <summary>Checks the leading and trailing "PAR1", then reads the footer the trailer points to.</summary>
    /// <exception cref="InvalidDataException">Not Parquet, truncated, or a corrupt footer.</exception>
    public static ParquetFooter Read(Stream stream, string path)
    {
        var length = stream.Length;
        var magic = ParquetStreamWriter.Magic;
        if (length < magic.Length + TrailerLength)
        {
            throw new InvalidDataException($"'{path}' is too short ({length} bytes) to be a Parquet file.");
        }

        Span<byte> head = stackalloc byte[magic.Length];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(head);
        Span<byte> trailer = stackalloc byte[TrailerLength];
        stream.Seek(length - TrailerLength, SeekOrigin.Begin);
        stream.ReadExactly(trailer);
        if (!head.SequenceEqual(magic) || !trailer[sizeof(int)..].SequenceEqual(magic))
        {
            throw new InvalidDataException($"'{path}' does not start and end with the Parquet magic \"PAR1\".");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        if (footerLength <= 0 || footerLength > length - magic.Length - TrailerLength)
        {
            throw new InvalidDataException($"'{path}' declares a footer of {footerLength} bytes in a {length}-byte file.");
        }

        var footer = new byte[footerLength];
        var footerStart = length - TrailerLength - footerLength;
        stream.Seek(footerStart, SeekOrigin.Begin);
        stream.ReadExactly(footer);
        var metadata = MetadataDeserializer.ReadFileMetaData(new ThriftCompactReader(footer));
        return new ParquetFooter(metadata, footerStart, length);
    }
}
