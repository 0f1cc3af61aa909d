using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Tests.Units;

public sealed class TypedFiltersTests
{
    [Theory]
    [InlineData("(巡视 year:2020) 整改", "year", "2020")]
    [InlineData("(巡视 OR 巡察 year:2018..2022)", "year", "2018..2022")]
    [InlineData("（year:2021 巡视） 整改", "year", "2021")]
    [InlineData("作风 org:某局（筹）", "org", "某局（筹）")]
    [InlineData("(作风 org:某局（筹）)", "org", "某局（筹）")]
    [InlineData("作风 org:\"某 局\")", "org", "某 局")]
    public void WhenAFilterIsTypedInAGroup_ShouldReadItsValueWithoutTheGroupsParentheses(string q, string field, string value)
    {
        Assert.Equal([(field, value)], TypedFilters.In(q).Select(f => (f.Field, f.Value)));
    }

    [Theory]
    [InlineData("(巡视 year:2020) 整改", "(巡视) 整改")]
    [InlineData("(year:2020) 整改", "整改")]
    [InlineData("整改 (巡视 OR 巡察 year:2020)", "整改 (巡视 OR 巡察)")]
    [InlineData("作风 year:2020 监督", "作风 监督")]
    public void WhenAFilterInAGroupIsTakenOut_ShouldLeaveTheGroupClosed(string q, string left)
    {
        Assert.Equal(left, TypedFilters.Without(q, (_, _) => true));
    }
}
