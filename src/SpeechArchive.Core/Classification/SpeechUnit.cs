namespace SpeechArchive.Classification;

/// <summary>A heading or a sentence of a speech, in document order, as the classifier walks it.</summary>
/// <param name="SectionOrdinal">For a heading its own section; for a sentence its passage's innermost section (-1 before the first heading).</param>
/// <param name="PassageIndex">Index of the passage in the structure, or -1 for a heading.</param>
/// <param name="SentenceIndex">Index of the sentence in its passage, or -1 for a heading.</param>
internal readonly record struct SpeechUnit(int Start, int End, int SectionOrdinal, int PassageIndex, int SentenceIndex)
{
    public bool IsHeading => PassageIndex < 0;
}
