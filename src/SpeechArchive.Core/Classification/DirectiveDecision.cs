namespace SpeechArchive.Classification;

/// <summary>The directive type chosen for a sentence or heading (null for none) and the reasons behind it.</summary>
internal sealed record DirectiveDecision(string? Type, IReadOnlyList<string> Reasons);
