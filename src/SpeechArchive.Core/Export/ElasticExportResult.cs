namespace SpeechArchive.Export;

/// <summary>
/// What an export wrote: the two indices' names, how many documents, the files (by name, in the output folder) and their
/// size; the vectors' dimensions and model, null when the index has no meaning model.
/// </summary>
public sealed record ElasticExportResult
{
    public required string OutputDirectory { get; init; }
    public required string PassageIndex { get; init; }
    public required string SpeechIndex { get; init; }
    public required int Passages { get; init; }
    public required int Speeches { get; init; }
    /// <summary>Passages exported with a vector (a passage with no word the vectors know has none).</summary>
    public required int Vectors { get; init; }
    public int? Dimensions { get; init; }
    public string? VectorModel { get; init; }
    /// <summary>Words in <c>lexicon.txt</c>: the index's lexicon, words of 2 to 15 Han characters.</summary>
    public required int LexiconWords { get; init; }
    /// <summary>Words in the template's word list (the <c>text.words</c> field): those of the lexicon the archive's text holds.</summary>
    public required int TemplateWords { get; init; }
    public required IReadOnlyList<string> PassageFiles { get; init; }
    public required IReadOnlyList<string> SpeechFiles { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public required long Bytes { get; init; }
    public required double Seconds { get; init; }
}
