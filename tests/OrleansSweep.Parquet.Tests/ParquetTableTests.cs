namespace OrleansSweep.Parquet.Tests;

public sealed class ParquetTableTests
{
    [Fact]
    public void Array_types_decide_the_column_type_and_repetition()
    {
        var table = new ParquetTable(1)
            .AddInt32("a", [1])
            .AddInt32("b", new int?[] { null })
            .AddInt64("c", [1L])
            .AddInt64("d", new long?[] { 1 })
            .AddDouble("e", [1.0])
            .AddDouble("f", new double?[] { 1 })
            .AddBoolean("g", [true])
            .AddBoolean("h", new bool?[] { true })
            .AddUtf8("i", ["x"], nullable: false)
            .AddUtf8("j", [null], nullable: true);

        Assert.Equal(
            [
                new ParquetColumn("a", ParquetType.Int32, false), new ParquetColumn("b", ParquetType.Int32, true),
                new ParquetColumn("c", ParquetType.Int64, false), new ParquetColumn("d", ParquetType.Int64, true),
                new ParquetColumn("e", ParquetType.Double, false), new ParquetColumn("f", ParquetType.Double, true),
                new ParquetColumn("g", ParquetType.Boolean, false), new ParquetColumn("h", ParquetType.Boolean, true),
                new ParquetColumn("i", ParquetType.Utf8, false), new ParquetColumn("j", ParquetType.Utf8, true),
            ],
            table.Columns);
    }

    [Fact]
    public void A_column_of_the_wrong_length_is_rejected()
    {
        var table = new ParquetTable(3);
        Assert.Throws<ArgumentException>(() => table.AddInt32("x", [1, 2]));
        Assert.Throws<ArgumentException>(() => table.AddUtf8("s", ["a", "b", "c", "d"], nullable: false));
        Assert.Empty(table.Columns);
    }

    [Fact]
    public void Duplicate_and_blank_names_are_rejected()
    {
        var table = new ParquetTable(1).AddInt32("x", [1]);
        Assert.Throws<ArgumentException>(() => table.AddDouble("x", [1.0]));
        Assert.Throws<ArgumentException>(() => table.AddDouble(" ", [1.0]));
        Assert.Single(table.Columns);
    }

    [Fact]
    public void A_null_in_a_required_string_column_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ParquetTable(2).AddUtf8("s", ["a", null], nullable: false));
    }

    [Fact]
    public void A_string_with_a_lone_surrogate_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ParquetTable(1).AddUtf8("s", ["bad \uD83D"], nullable: false));
    }

    [Fact]
    public void A_negative_row_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetTable(-1));
    }
}
