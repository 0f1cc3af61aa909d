namespace SpeechArchive.Writing;

/// <summary>
/// One half-remembered query and the passage it means: the source file (as <c>corpus/…</c> or <c>reports/…</c>; matched
/// by file name) and a substring found in that passage only. <see cref="Kind"/> says how the query was derived.
/// </summary>
public sealed record RecallQuery(string Query, string Source, string Target, string Kind);
