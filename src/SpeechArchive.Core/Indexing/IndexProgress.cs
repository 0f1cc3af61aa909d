namespace SpeechArchive.Indexing;

/// <summary>Progress of a run: the stage, how far it is, and the file at hand.</summary>
public sealed record IndexProgress(string Stage, int Done, int Total, string? Current = null);
