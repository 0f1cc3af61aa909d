namespace SpeechArchive.Documents;

/// <summary>A node of parsed front matter with the file line it starts on.</summary>
internal abstract record FrontMatterNode(int Line);

/// <summary>A scalar; <see cref="Value"/> is null for YAML null (<c>~</c>, <c>null</c> or nothing).</summary>
internal sealed record FrontMatterScalar(int Line, string? Value) : FrontMatterNode(Line);

internal sealed record FrontMatterList(int Line, IReadOnlyList<FrontMatterNode> Items) : FrontMatterNode(Line);

internal sealed record FrontMatterMap(int Line, IReadOnlyList<KeyValuePair<FrontMatterScalar, FrontMatterNode>> Entries) : FrontMatterNode(Line);
