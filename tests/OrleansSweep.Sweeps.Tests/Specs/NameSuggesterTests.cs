using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Tests.Specs;

public class NameSuggesterTests
{
    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("abc", "ab", 1)]
    [InlineData("abc", "abcd", 1)]
    [InlineData("abc", "xbc", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Counts_edits_with_adjacent_swaps_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggester.Distance(a, b));
        Assert.Equal(expected, NameSuggester.Distance(b, a));
    }

    [Fact]
    public void Ignores_case_first_and_breaks_ties_by_exact_case() =>
        Assert.Equal("alphaZ", NameSuggester.Nearest("alphaz", ["alphaR", "alphaZ", "bZ"]));

    [Fact]
    public void Offers_nothing_when_every_name_is_far() =>
        Assert.Null(NameSuggester.Nearest("temperature", ["gH", "alphaZ", "bR"]));

    [Fact]
    public void Finds_a_swapped_pair_of_letters() =>
        Assert.Equal("lyapunov", NameSuggester.Nearest("lyapnuov", ["lyapunov", "spectrum", "theory"]));
}
