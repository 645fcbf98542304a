using OrleansSweep.Parquet.Encodings;
using OrleansSweep.Parquet.Format;

namespace OrleansSweep.Parquet.Reading;

/// <summary>Builds one column's output array (<c>int?[]</c>, …, <c>string?[]</c>) from its pages, in file order.</summary>
/// <remarks>
/// Each data page contributes its rows: values decoded from PLAIN or from dictionary indices, placed at the rows
/// whose definition level is 1 (a REQUIRED column has no levels; every row is present). The output grows as pages
/// are decoded — up to the row count of the footer, never beyond — so memory follows the data actually present,
/// not a count a corrupt footer claims. Every count is checked against the bytes before anything is allocated for
/// it. Failure modes: <see cref="InvalidDataException"/>. Not thread-safe.
/// </remarks>
internal abstract class ColumnAssembler
{
    public abstract int RowsWritten { get; }

    /// <summary>The output; complete once <see cref="RowsWritten"/> equals the row count.</summary>
    public abstract Array Result { get; }

    public static ColumnAssembler Create(ParquetColumn column, int rowCount) => column.Type switch
    {
        ParquetType.Int32 => new Int32Assembler(rowCount),
        ParquetType.Int64 => new Int64Assembler(rowCount),
        ParquetType.Double => new DoubleAssembler(rowCount),
        ParquetType.Boolean => new BooleanAssembler(rowCount),
        ParquetType.Utf8 => new Utf8Assembler(rowCount),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
    };

    /// <summary>Forgets the previous chunk's dictionary: each column chunk has its own.</summary>
    public abstract void StartChunk();

    /// <summary>Reads a dictionary page body: <paramref name="count"/> PLAIN values.</summary>
    public abstract void ReadDictionary(ReadOnlySpan<byte> body, int count);

    /// <summary>Adds a data page's rows.</summary>
    /// <param name="values">The page's values section (after any levels).</param>
    /// <param name="encoding">The values' encoding.</param>
    /// <param name="definitionLevels">One level per row (0 null, 1 present), or empty for a REQUIRED column.</param>
    /// <param name="rows">Rows in the page.</param>
    /// <param name="present">Rows with a value (level 1); equals <paramref name="rows"/> without levels.</param>
    public abstract void ReadPage(ReadOnlySpan<byte> values, PageEncoding encoding, ReadOnlySpan<int> definitionLevels, int rows, int present);
}

/// <summary>The typed part: <typeparamref name="T"/> is the decoded value, <typeparamref name="TOut"/> the output
/// element (<c>T?</c>).</summary>
internal abstract class ColumnAssembler<T, TOut>(int rowCount) : ColumnAssembler
{
    private TOut[] output = [];
    private T[]? dictionary;
    private T[] staged = [];
    private int[] scratch = [];
    private int written;

    public override int RowsWritten => written;

    public override Array Result => output;

    /// <summary>The fewest bits one PLAIN value takes (BOOLEAN 1, BYTE_ARRAY its 4-byte length prefix).</summary>
    protected abstract int MinPlainBits { get; }

    public override void StartChunk() => dictionary = null;

    public override void ReadDictionary(ReadOnlySpan<byte> body, int count)
    {
        CheckPlainSize(body, count, "dictionary page");
        var values = new T[count];
        DecodePlain(body, values);
        dictionary = values;
    }

    public override void ReadPage(ReadOnlySpan<byte> values, PageEncoding encoding, ReadOnlySpan<int> definitionLevels, int rows, int present)
    {
        if (rows > rowCount - written)
        {
            throw new InvalidDataException($"The pages hold more than the {rowCount} rows of the file.");
        }

        // Decoding checks the bytes against `present` first, so only then is output allocated for `rows`.
        var decoded = Decode(values, encoding, present);
        Grow(written + rows);
        var row = written;
        if (definitionLevels.IsEmpty)
        {
            foreach (var value in decoded)
            {
                output[row++] = Wrap(value);
            }
        }
        else
        {
            var next = 0;
            foreach (var level in definitionLevels)
            {
                if (level != 0)
                {
                    output[row] = Wrap(decoded[next++]);
                }

                row++;
            }
        }

        written += rows;
    }

    /// <summary>PLAIN-decodes destination.Length values (the caller has checked the size against MinPlainBits).</summary>
    protected abstract void DecodePlain(ReadOnlySpan<byte> data, Span<T> destination);

    protected abstract TOut Wrap(T value);

    /// <summary>Encodings other than PLAIN and dictionary (none by default): decodes <paramref name="count"/> values
    /// into <see cref="Stage"/>, checking the data holds them first.</summary>
    protected virtual ReadOnlySpan<T> DecodeOther(ReadOnlySpan<byte> data, PageEncoding encoding, int count) =>
        throw new InvalidDataException($"The {FormatNames.Of<PageEncoding>(encoding)} encoding is not supported (only PLAIN and dictionary).");

    /// <summary>Reused staging for a page's present values.</summary>
    protected Span<T> Stage(int count)
    {
        EnsureLength(ref staged, count);
        return staged.AsSpan(0, count);
    }

    /// <summary>Decodes <paramref name="count"/> hybrid-encoded values into reused scratch, after checking the
    /// data holds that many.</summary>
    protected ReadOnlySpan<int> DecodeHybrid(ReadOnlySpan<byte> data, int bitWidth, int count, string what)
    {
        if (RleBitPackedHybridDecoder.CountValues(data, bitWidth, count) < count)
        {
            throw new InvalidDataException($"A page's {what} hold fewer than its {count} values.");
        }

        EnsureLength(ref scratch, count);
        var span = scratch.AsSpan(0, count);
        RleBitPackedHybridDecoder.Decode(data, bitWidth, span);
        return span;
    }

    private ReadOnlySpan<T> Decode(ReadOnlySpan<byte> data, PageEncoding encoding, int count)
    {
        if (count == 0)
        {
            return [];
        }

        switch (encoding)
        {
            case PageEncoding.Plain:
                CheckPlainSize(data, count, "data page");
                var plain = Stage(count);
                DecodePlain(data, plain);
                return plain;
            case PageEncoding.PlainDictionary or PageEncoding.RleDictionary:
                return DecodeDictionaryIndices(data, count);
            default:
                return DecodeOther(data, encoding, count);
        }
    }

    private Span<T> DecodeDictionaryIndices(ReadOnlySpan<byte> data, int count)
    {
        var entries = dictionary ?? throw new InvalidDataException("A dictionary-encoded page comes without a dictionary page.");
        if (data.IsEmpty)
        {
            throw new InvalidDataException("A dictionary-encoded page has no index bit width.");
        }

        var indices = DecodeHybrid(data[1..], data[0], count, "dictionary indices");
        var values = Stage(count);
        for (var i = 0; i < count; i++)
        {
            var index = indices[i];
            if ((uint)index >= (uint)entries.Length)
            {
                throw new InvalidDataException($"A dictionary index ({(uint)index}) is outside the {entries.Length}-entry dictionary.");
            }

            values[i] = entries[index];
        }

        return values;
    }

    private void CheckPlainSize(ReadOnlySpan<byte> data, int count, string what)
    {
        if (count < 0 || (long)count * MinPlainBits > 8L * data.Length)
        {
            throw new InvalidDataException($"A {what} of {data.Length} bytes cannot hold the {count} PLAIN values it declares.");
        }
    }

    private void Grow(int needed)
    {
        if (needed > output.Length)
        {
            // Doubling, capped at the row count: the final array has exactly rowCount elements.
            Array.Resize(ref output, (int)Math.Min(rowCount, Math.Max(needed, 2L * output.Length)));
        }
    }

    private static void EnsureLength<TElement>(ref TElement[] array, int length)
    {
        if (array.Length < length)
        {
            array = new TElement[(int)Math.Max(length, Math.Min(2L * array.Length, Array.MaxLength))];
        }
    }
}
