using OrleansSweep.Parquet.Format;
using OrleansSweep.Parquet.Reading;
using OrleansSweep.Parquet.Thrift;

namespace OrleansSweep.Parquet.Tests.Support;

/// <summary>Which kinds of page and value encoding a file holds: lets a test show that the case it means to
/// cover (dictionary pages, DATA_PAGE_V2, …) is really in the file another writer produced.</summary>
internal sealed record PageCensus(IReadOnlyDictionary<PageType, int> PageTypes, IReadOnlySet<PageEncoding> DataEncodings)
{
    public static PageCensus Of(string path)
    {
        var file = File.ReadAllBytes(path);
        using var stream = new MemoryStream(file, writable: false);
        var footer = ParquetFooter.Read(stream, path);
        var pageTypes = new Dictionary<PageType, int>();
        var encodings = new HashSet<PageEncoding>();
        foreach (var group in footer.Metadata.RowGroups)
        {
            for (var c = 0; c < group.Columns.Count; c++)
            {
                var meta = group.Columns[c].MetaData;
                var (start, length) = ChunkLayout.Locate(meta, footer.Metadata.Schema[c + 1], group.NumRows, footer.FooterStart);
                var position = (int)start;
                while (position < start + length)
                {
                    var reader = new ThriftCompactReader(file.AsMemory(position, (int)(start + length - position)));
                    var header = MetadataDeserializer.ReadPageHeader(reader);
                    pageTypes[header.Type] = pageTypes.GetValueOrDefault(header.Type) + 1;
                    if ((header.DataPageHeader?.Encoding ?? header.DataPageHeaderV2?.Encoding) is { } encoding)
                    {
                        encodings.Add(encoding);
                    }

                    position += reader.Position + header.CompressedPageSize;
                }
            }
        }

        return new PageCensus(pageTypes, encodings);
    }

    public int Count(PageType type) => PageTypes.GetValueOrDefault(type);
}
