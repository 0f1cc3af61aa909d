namespace SpeechArchive.Documents;

/// <summary>How a text speaks of a year it names, as a reader would take it when dating the text.</summary>
internal enum YearMentionKind
{
    /// <summary>A year spoken of as past or present (2019年，我们…; 比2018年增长): evidence for that year or a later one.</summary>
    Dated,

    /// <summary>A year aimed at or ahead (到2035年, 力争于2030年, 2030年前, 2035年远景目标, 2021—2025年): no evidence of the date.</summary>
    Target,

    /// <summary>A year looked back on as just past (刚刚过去的2019年, 2019年工作回顾): evidence for the year after it.</summary>
    LookedBack,

    /// <summary>A year said to be this year (今年（2020年）, a heading 2020年重点工作 whose paragraph opens 今年…): strong evidence for it.</summary>
    ThisYear,
}
