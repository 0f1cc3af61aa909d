namespace SpeechArchive.Documents;

/// <summary>A metadata value guessed from the text, with where the guess came from and how sure it is.</summary>
public readonly record struct InferredValue<T>(T Value, MetadataProvenance Provenance);
