namespace SpeechArchive.Classification;

/// <summary>The numeric settings of a taxonomy file; each default is what the shipped taxonomy uses when a value is omitted.</summary>
public sealed record TaxonomySettings
{
    /// <summary>Least total score for a sentence to get a directive type.</summary>
    public double DirectiveThreshold { get; init; } = 2;

    /// <summary>Least context-cue score for a heading or sentence to open a context.</summary>
    public double ContextThreshold { get; init; } = 3;

    /// <summary>Regex for sentences that are only an address (同志们！): they get no type, and as a paragraph they close lead-in contexts. Empty for none.</summary>
    public string UntypedPattern { get; init; } = "";

    /// <summary>
    /// Directive type id whose cues carry into the rest of a quotation they open (the relay of 习近平总书记指出“…。…”);
    /// empty to switch this off.
    /// </summary>
    public string QuoteCarries { get; init; } = "relay";

    /// <summary>Added to <see cref="QuoteCarries"/> for sentences inside such a quotation.</summary>
    public double QuoteBonus { get; init; } = 5;

    /// <summary>
    /// Clause openings that turn a sentence (，但 / ，却 / ，然而): directive cues before the first of them count only
    /// <see cref="ContrastWeightBefore"/> of their weight, since the clause after the turn decides.
    /// </summary>
    public IReadOnlyList<string> ContrastMarkers { get; init; } = [];

    /// <summary>Directive types whose cues are not damped before a contrast marker (a relay frame stands at the start by nature).</summary>
    public IReadOnlyList<string> ContrastExempt { get; init; } = [];

    /// <summary>Per directive type, only this many of the strongest cues of a sentence count (0 = all): long sentences do not win by piling up weak cues.</summary>
    public int MaxCuesPerType { get; init; }

    /// <summary>Regexes for clutter (photo captions, credits, web debris): matching sentences get no type.</summary>
    public IReadOnlyList<string> ClutterPatterns { get; init; } = [];

    /// <summary>Factor for directive cues before a contrast marker.</summary>
    public double ContrastWeightBefore { get; init; } = 0.5;

    /// <summary>Directive type that every heading leans to (headings of this genre mostly announce tasks); empty for none.</summary>
    public string HeadingFavours { get; init; } = "";

    /// <summary>Score added to <see cref="HeadingFavours"/> for every heading.</summary>
    public double HeadingBonus { get; init; }

    /// <summary>Least score for a passage theme.</summary>
    public double ThemeThreshold { get; init; } = 3;

    /// <summary>Added to <see cref="ThemeThreshold"/> per 100 characters of the passage.</summary>
    public double ThemeThresholdPer100 { get; init; }

    /// <summary>A theme must also reach this share of the passage's best theme score.</summary>
    public double ThemeRelative { get; init; } = 0.4;

    /// <summary>At most this many themes per passage.</summary>
    public int MaxThemes { get; init; } = 4;

    /// <summary>Weight of the section headings' theme cues relative to the passage's own.</summary>
    public double HeadingWeight { get; init; } = 0.5;

    /// <summary>A theme term counts at most this many times in one passage.</summary>
    public int TermRepeatCap { get; init; } = 3;
}
