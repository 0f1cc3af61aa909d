namespace SpeechArchive.Classification;

/// <summary>One cue of a taxonomy entry: a literal term (anywhere or at the sentence start) or a regex, with its weight.</summary>
/// <param name="Text">The term without quotes and spaces (and without the leading <c>^</c>), or the regex source.</param>
/// <param name="Weight">Score added when the cue is found; 0 only hides shorter cues inside the term.</param>
/// <param name="Kind">How <see cref="Text"/> is matched.</param>
/// <param name="Line">1-based line of the cue in the taxonomy file, for messages.</param>
public sealed record TaxonomyCue(string Text, double Weight, TaxonomyCueKind Kind, int Line)
{
    /// <summary>The cue as an administrator wrote it: <c>严禁</c>, <c>^一年来</c> or <c>/regex/</c>.</summary>
    public string Display => Kind switch
    {
        TaxonomyCueKind.StartTerm => "^" + Text,
        TaxonomyCueKind.Pattern => "/" + Text + "/",
        _ => Text,
    };
}
