namespace SpeechArchive.Search;

/// <summary>A theme or directive type as the index knows it: id and Chinese label.</summary>
public sealed record LabelInfo(string Id, string Label);
