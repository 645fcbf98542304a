using System.Buffers;
using System.Buffers.Binary;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Thrift;
using OrleansSweep.Parquet.Writing;

namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>One stored page: its header (sizes as given, true or not) and its stored bytes.</summary>
internal sealed record SyntheticPage(PageHeader Header, byte[] Stored);

/// <summary>Builds Parquet files page by page, for page kinds and lies the writer never produces: data pages v2,
/// dictionary pages, other encodings, wrong sizes. Also rewrites the footer of an existing file.</summary>
internal static class SyntheticFile
{
    /// <summary>A one-column file with one row group made of <paramref name="pages"/>.</summary>
    /// <param name="edit">Optional change to the footer before it is written.</param>
    public static byte[] Build(
        SchemaElement leaf, CompressionCodec codec, long rows, IReadOnlyList<SyntheticPage> pages, Func<FileMetaData, FileMetaData>? edit = null)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(ParquetStreamWriter.Magic);
        long? dictionaryOffset = null, dataOffset = null;
        foreach (var page in pages)
        {
            if (page.Header.Type == PageType.DictionaryPage)
            {
                dictionaryOffset ??= output.WrittenCount;
            }
            else
            {
                dataOffset ??= output.WrittenCount;
            }

            MetadataSerializer.Write(new ThriftCompactWriter(output), page.Header);
            output.Write(page.Stored);
        }

        var start = ParquetStreamWriter.Magic.Length;
        var size = output.WrittenCount - start;
        var meta = new ColumnMetaData(
            leaf.Type!.Value, [PageEncoding.Plain, PageEncoding.Rle], [leaf.Name], codec, rows, size, size,
            dataOffset ?? start, Statistics: null, dictionaryOffset);
        var metadata = new FileMetaData(
            1,
            [new SchemaElement("schema", NumChildren: 1), leaf],
            rows,
            [new RowGroup([new ColumnChunk(start, meta)], size, rows, start, size)],
            [],
            "synthetic");
        return WithFooter(output.WrittenSpan.ToArray(), edit?.Invoke(metadata) ?? metadata);
    }

    /// <summary>The file's footer, decoded.</summary>
    public static FileMetaData ReadFooter(byte[] file)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        return MetadataDeserializer.ReadFileMetaData(new ThriftCompactReader(file.AsMemory(file.Length - 8 - length, length)));
    }

    /// <summary>The file with its footer replaced by <paramref name="edit"/> of it.</summary>
    public static byte[] EditFooter(byte[] file, Func<FileMetaData, FileMetaData> edit)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        return WithFooter(file[..(file.Length - 8 - length)], edit(ReadFooter(file)));
    }

    /// <summary>Edits the metadata of every column chunk.</summary>
    public static FileMetaData EditChunks(FileMetaData metadata, Func<ColumnMetaData, ColumnMetaData> edit) => metadata with
    {
        RowGroups = metadata.RowGroups
            .Select(group => group with { Columns = group.Columns.Select(chunk => chunk with { MetaData = edit(chunk.MetaData) }).ToList() })
            .ToList(),
    };

    private static byte[] WithFooter(byte[] data, FileMetaData metadata)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(data);
        var footerStart = output.WrittenCount;
        MetadataSerializer.Write(new ThriftCompactWriter(output), metadata);
        var length = output.WrittenCount - footerStart;
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), length);
        output.Advance(4);
        output.Write(ParquetStreamWriter.Magic);
        return output.WrittenSpan.ToArray();
    }
}
