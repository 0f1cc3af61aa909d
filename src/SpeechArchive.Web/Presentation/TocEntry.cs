namespace SpeechArchive.Web.Presentation;

/// <summary>A line of the reader's outline: the section heading, its level and anchor.</summary>
internal sealed record TocEntry(string Anchor, int Level, string Text);
