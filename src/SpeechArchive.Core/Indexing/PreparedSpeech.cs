using SpeechArchive.Classification;
using SpeechArchive.Documents;
using SpeechArchive.Structure;

namespace SpeechArchive.Indexing;

/// <summary>A corpus file read, parsed, labelled and analyzed, ready to be written.</summary>
internal sealed record PreparedSpeech(SourceDocument Document, SpeechStructure Structure, SpeechLabels Labels, IReadOnlyList<PreparedPassage> Passages);

/// <summary>A passage's stored columns and term vector, computed in parallel before the single writer runs.</summary>
internal sealed record PreparedPassage(Passage Passage, string Themes, string DirectiveTypes, string Sentences, TermVector Terms, int MatchLength);
