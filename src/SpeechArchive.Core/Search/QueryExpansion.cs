namespace SpeechArchive.Search;

/// <summary>A query word and the thesaurus terms searched with it.</summary>
public sealed record QueryExpansion(string Term, IReadOnlyList<string> Alternatives);
