namespace SpeechArchive.Analysis;

/// <summary>
/// A string that may be a word: the gram's level and id, its text and substring count, and for a side whose boundary
/// entropy is low, the neighbour that dominates it (<c>'\0'</c> for a side free by entropy) and the share of the occurrences
/// it stands beside.
/// </summary>
internal readonly record struct Candidate(int Level, int Id, string Text, int Frequency, char LeftBound = '\0', char RightBound = '\0',
    double LeftShare = 0, double RightShare = 0)
{
    /// <summary>True when both sides are free by entropy.</summary>
    public bool IsFree => LeftBound == '\0' && RightBound == '\0';
}
