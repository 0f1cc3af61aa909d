namespace SpeechArchive.Documents;

/// <summary>
/// A year named in a text (2022年, 二〇二二年, １９８４年, 1 9 9 3 年) beginning at <paramref name="Start"/>,
/// how the text speaks of it, and whether it stands in a title or heading line.
/// </summary>
internal readonly record struct YearMention(int Year, int Start, YearMentionKind Kind, bool InHeading);
