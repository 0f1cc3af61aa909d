namespace SpeechArchive.Classification;

/// <summary>The labels of one speech: a directive type per sentence, themes per passage, and the speech's theme shares.</summary>
/// <param name="Passages">One entry per passage of the structure, same order.</param>
/// <param name="ThemeShares">Theme id → share of the speech's passages carrying it (0..1); themes never seen are absent.</param>
public sealed record SpeechLabels(
    IReadOnlyList<PassageLabels> Passages,
    IReadOnlyDictionary<string, double> ThemeShares)
{
    /// <summary>One entry per section heading, same order as <c>SpeechStructure.Sections</c>; headings are not passages but are typed too.</summary>
    public IReadOnlyList<HeadingLabel> Headings { get; init; } = [];
}

/// <summary>Themes (0–4 theme ids) of one passage with the reasons that decided them, and its sentences' labels.</summary>
public sealed record PassageLabels(
    int PassageOrdinal,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<SentenceLabel> Sentences)
{
    /// <summary>The distinct directive types of the passage's sentences.</summary>
    public IReadOnlyList<string> DirectiveTypes =>
        Sentences.Where(s => s.DirectiveType is not null).Select(s => s.DirectiveType!).Distinct().ToList();
}

/// <summary>The directive type id of one sentence (or null when none fits) and the cues or features that decided it.</summary>
public sealed record SentenceLabel(int SentenceIndex, string? DirectiveType, IReadOnlyList<string> Reasons);
