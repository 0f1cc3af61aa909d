namespace SpeechArchive.Classification;

/// <summary>The context a unit stands in and the reason line that explains where it came from.</summary>
internal sealed record ActiveContext(TaxonomyContext Context, string Reason);
