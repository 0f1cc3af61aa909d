using SpeechArchive.Classification;
using SpeechArchive.Documents;
using SpeechArchive.Structure;

namespace SpeechArchive.Indexing;

/// <summary>A corpus file read, parsed and labelled, ready to be written.</summary>
internal sealed record PreparedSpeech(SourceDocument Document, SpeechStructure Structure, SpeechLabels Labels);
