using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Tests.Units;

public sealed class LineChartTests
{
    [Theory]
    [InlineData(1921, 2025, "1930 1940* 1950 1960* 1970 1980* 1990 2000* 2010 2020*")]
    [InlineData(2006, 2025, "2006 2008* 2010 2012* 2014 2016* 2018 2020* 2022 2024*")]
    [InlineData(2018, 2022, "2018* 2019* 2020* 2021* 2022*")]
    [InlineData(2020, 2020, "2020*")]
    public void WhenLabellingYears_ShouldPickAtMostTenRoundOnesAndKeepEveryOtherOnNarrowScreens(int first, int last, string expected)
    {
        var ticks = LineChart.YearTicks(first, last);

        Assert.Equal(expected, string.Join(' ', ticks.Select(t => t.Year + (t.Major ? "*" : ""))));
    }

    [Fact]
    public void WhenDrawn_ShouldPlaceYearsAsShareOfTheWidthAndNameTheSpan()
    {
        var chart = LineChart.Create([2000, 2001, 2002], [("作风建设", [1.0, double.NaN, 3.0])], "", "每万字", v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))!;

        var series = Assert.Single(chart.Series);
        Assert.Empty(series.Segments); // the year without a value breaks the line
        Assert.Equal(["0%", "100%"], series.Markers.Select(m => m.X));
        Assert.Equal("每万字（2000–2002年）", chart.Caption);
    }
}
