namespace SpeechArchive.Classification;

/// <summary>Reusable buffers for <see cref="CueMatcher"/>; one per thread of work, never shared.</summary>
internal sealed class MatchScratch
{
    private bool[] candidates = [];

    public List<TermOccurrence> Occurrences { get; } = [];

    public bool[] Candidates(int count)
    {
        if (candidates.Length < count)
        {
            candidates = new bool[count];
        }

        return candidates;
    }
}
