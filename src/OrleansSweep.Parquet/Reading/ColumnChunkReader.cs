using System.Buffers.Binary;
using OrleansSweep.Parquet.Encodings;
using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Reading;

/// <summary>Walks the pages of one column chunk and feeds them to the column's <see cref="ColumnAssembler"/>.</summary>
/// <remarks>
/// Pages: an optional dictionary page first, then data pages v1 or v2 (index pages are skipped). A flat column has
/// no repetition levels and a maximum definition level of 1 when OPTIONAL (bit width 1), 0 when REQUIRED (no levels
/// at all). v1 levels are RLE behind a 4-byte length inside the compressed body; v2 levels sit uncompressed before
/// the values, with their length in the header. The walk stops once the chunk's rows are read; every page advances
/// through the chunk's bytes, so the loop is bounded by its length. Failure modes: <see cref="InvalidDataException"/>.
/// Reuses its level buffer between chunks; not thread-safe.
/// </remarks>
internal sealed class ColumnChunkReader
{
    private const int LevelBitWidth = 1;

    private int[] levels = [];

    /// <param name="chunk">The chunk's bytes, from its first page to its end.</param>
    /// <param name="codec">The chunk's codec.</param>
    /// <param name="nullable">Whether the column is OPTIONAL (has definition levels).</param>
    /// <param name="rows">Rows in the row group (= values in the chunk, for a flat column).</param>
    /// <param name="assembler">Receives the values.</param>
    /// <param name="cancellationToken">Observed between pages.</param>
    public void Read(ReadOnlyMemory<byte> chunk, CompressionCodec codec, bool nullable, int rows, ColumnAssembler assembler, CancellationToken cancellationToken)
    {
        assembler.StartChunk();
        var target = assembler.RowsWritten + rows;
        var position = 0;
        var dataPages = 0;
        var dictionaryPages = 0;
        while (assembler.RowsWritten < target)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (position >= chunk.Length)
            {
                throw new InvalidDataException($"The column chunk ends after {rows - (target - assembler.RowsWritten)} of its {rows} values.");
            }

            var reader = new ThriftCompactReader(chunk[position..]);
            var header = MetadataDeserializer.ReadPageHeader(reader);
            position += reader.Position;
            if (header.CompressedPageSize < 0 || header.CompressedPageSize > chunk.Length - position)
            {
                throw new InvalidDataException(
                    $"A page declares {header.CompressedPageSize} stored bytes where the chunk has {chunk.Length - position} left.");
            }

            var stored = chunk.Slice(position, header.CompressedPageSize);
            position += header.CompressedPageSize;
            switch (header.Type)
            {
                case PageType.DictionaryPage:
                    if (dictionaryPages++ > 0 || dataPages > 0)
                    {
                        throw new InvalidDataException("A dictionary page must come once, before the data pages.");
                    }

                    ReadDictionary(header, stored, codec, assembler);
                    break;
                case PageType.DataPage:
                    dataPages++;
                    ReadDataPageV1(header, stored, codec, nullable, assembler, target - assembler.RowsWritten);
                    break;
                case PageType.DataPageV2:
                    dataPages++;
                    ReadDataPageV2(header, stored, codec, nullable, assembler, target - assembler.RowsWritten);
                    break;
                case PageType.IndexPage:
                    break;
                default:
                    throw new InvalidDataException($"Page type {FormatNames.Of<PageType>(header.Type)} is not supported.");
            }
        }
    }

    private static void ReadDictionary(PageHeader header, ReadOnlyMemory<byte> stored, CompressionCodec codec, ColumnAssembler assembler)
    {
        var dictionary = header.DictionaryPageHeader ?? throw new InvalidDataException("A dictionary page has no dictionary_page_header.");
        if (dictionary.Encoding is not (PageEncoding.Plain or PageEncoding.PlainDictionary))
        {
            throw new InvalidDataException($"A dictionary page in {FormatNames.Of<PageEncoding>(dictionary.Encoding)} encoding is not supported (only PLAIN).");
        }

        var body = PageDecompressor.Decompress(codec, stored, header.UncompressedPageSize);
        assembler.ReadDictionary(body.Span, dictionary.NumValues);
    }

    private void ReadDataPageV1(
        PageHeader header, ReadOnlyMemory<byte> stored, CompressionCodec codec, bool nullable, ColumnAssembler assembler, int remaining)
    {
        var data = header.DataPageHeader ?? throw new InvalidDataException("A DATA_PAGE has no data_page_header.");
        CheckCount(data.NumValues, remaining);
        var body = PageDecompressor.Decompress(codec, stored, header.UncompressedPageSize).Span;
        if (!nullable)
        {
            assembler.ReadPage(body, data.Encoding, [], data.NumValues, data.NumValues);
            return;
        }

        if (data.DefinitionLevelEncoding != PageEncoding.Rle)
        {
            throw new InvalidDataException(
                $"{FormatNames.Of<PageEncoding>(data.DefinitionLevelEncoding)} definition levels are not supported (only RLE).");
        }

        var length = body.Length < sizeof(int) ? -1 : BinaryPrimitives.ReadInt32LittleEndian(body);
        if (length < 0 || length > body.Length - sizeof(int))
        {
            throw new InvalidDataException("A data page's definition levels have a missing or oversized length prefix.");
        }

        var definition = DecodeLevels(body.Slice(sizeof(int), length), data.NumValues, out var present);
        assembler.ReadPage(body[(sizeof(int) + length)..], data.Encoding, definition, data.NumValues, present);
    }

    private void ReadDataPageV2(
        PageHeader header, ReadOnlyMemory<byte> stored, CompressionCodec codec, bool nullable, ColumnAssembler assembler, int remaining)
    {
        var data = header.DataPageHeaderV2 ?? throw new InvalidDataException("A DATA_PAGE_V2 has no data_page_header_v2.");
        CheckCount(data.NumValues, remaining);
        if (data.RepetitionLevelsByteLength != 0 || data.NumRows != data.NumValues)
        {
            throw new InvalidDataException("A DATA_PAGE_V2 has repetition levels, which a flat column cannot have.");
        }

        var levelLength = data.DefinitionLevelsByteLength;
        if (levelLength < 0 || levelLength > stored.Length || levelLength > header.UncompressedPageSize
            || data.NumNulls < 0 || data.NumNulls > data.NumValues || (!nullable && (levelLength != 0 || data.NumNulls != 0)))
        {
            throw new InvalidDataException("A DATA_PAGE_V2 header has inconsistent level sizes or null count.");
        }

        // Levels are never compressed in v2; the values are unless is_compressed says otherwise.
        var valuesCodec = data.IsCompressed ? codec : CompressionCodec.Uncompressed;
        var values = PageDecompressor.Decompress(valuesCodec, stored[levelLength..], header.UncompressedPageSize - levelLength).Span;
        if (!nullable)
        {
            assembler.ReadPage(values, data.Encoding, [], data.NumValues, data.NumValues);
            return;
        }

        var definition = DecodeLevels(stored.Span[..levelLength], data.NumValues, out var present);
        if (present != data.NumValues - data.NumNulls)
        {
            throw new InvalidDataException($"A DATA_PAGE_V2 declares {data.NumNulls} nulls but its levels hold {data.NumValues - present}.");
        }

        assembler.ReadPage(values, data.Encoding, definition, data.NumValues, present);
    }

    /// <summary>Decodes one definition level per value (checking the data holds them before allocating).</summary>
    private ReadOnlySpan<int> DecodeLevels(ReadOnlySpan<byte> data, int count, out int present)
    {
        if (RleBitPackedHybridDecoder.CountValues(data, LevelBitWidth, count) < count)
        {
            throw new InvalidDataException($"A page's definition levels hold fewer than its {count} values.");
        }

        if (levels.Length < count)
        {
            levels = new int[count];
        }

        var span = levels.AsSpan(0, count);
        RleBitPackedHybridDecoder.Decode(data, LevelBitWidth, span);
        present = 0;
        foreach (var level in span)
        {
            if (level is not (0 or 1))
            {
                throw new InvalidDataException($"A definition level of {level} exceeds the column's maximum of 1.");
            }

            present += level;
        }

        return span;
    }

    private static void CheckCount(int numValues, int remaining)
    {
        if (numValues < 0 || numValues > remaining)
        {
            throw new InvalidDataException($"A data page declares {numValues} values where the chunk has {remaining} left.");
        }
    }
}
