namespace OrleansSweep.Parquet.Reading;

/// <summary>Value types come out as <c>T?</c>. The PLAIN decoders of the subclasses are the inverse of
/// Columns/*Values.WritePlain; sizes are checked by the base class (MinPlainBits) before they run.</summary>
internal abstract class NullableValueAssembler<T>(int rowCount) : ColumnAssembler<T, T?>(rowCount)
    where T : struct
{
    protected override T? Wrap(T value) => value;
}
