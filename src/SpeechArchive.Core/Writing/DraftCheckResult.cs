namespace SpeechArchive.Writing;

/// <summary>A draft checked sentence by sentence: each sentence's closest precedents and the runs it shares verbatim.</summary>
public sealed record DraftCheckResult
{
    /// <summary>
    /// The draft as checked when it was read as Markdown (front matter left out, markup turned into text: pasted from a .md
    /// file): the sentences' offsets are into it. Null when the draft was checked as given.
    /// </summary>
    public string? MarkdownText { get; init; }

    public required int Characters { get; init; }
    public required IReadOnlyList<DraftSentence> Sentences { get; init; }
    /// <summary>Sentences with at least one verbatim run of the minimum length.</summary>
    public required int SentencesWithRuns { get; init; }
    /// <summary>
    /// Whether looking up the sentences' windows for runs stopped at the draft's budget (five million postings and texts read,
    /// or three seconds) before some sentence's last: those sentences' runs were then looked for among their candidates only,
    /// and a run shared with another passage may be unmarked (<see cref="DraftSentence.RunLookupsCut"/> says which).
    /// </summary>
    public bool RunLookupsCut => Sentences.Any(s => s.RunLookupsCut);

    /// <summary>
    /// Whether the same budget was spent before some sentence's clauses were all looked up for their own precedents: a clause
    /// said more nearly than its sentence may be unlisted there (<see cref="DraftSentence.ClauseLookupsCut"/> says which).
    /// </summary>
    public bool ClauseLookupsCut => Sentences.Any(s => s.ClauseLookupsCut);
    public required double TookMs { get; init; }
}

/// <summary>One sentence of the draft (offsets into the draft) with its precedents, best first, and its verbatim runs.</summary>
public sealed record DraftSentence
{
    public required int Number { get; init; }
    public required string Text { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required IReadOnlyList<Precedent> Precedents { get; init; }
    public required IReadOnlyList<SharedRun> Runs { get; init; }
    /// <summary>
    /// Whether some passage says the whole sentence as nearly as the precedents' minimum: listed as the sentence's precedent,
    /// or for a clause where a clause's precedent cites the same passage.
    /// </summary>
    public bool SaidNearly { get; init; }

    /// <summary>Whether the draft's budget ran out before this sentence's windows were all looked up: its runs were looked for among its candidates only.</summary>
    public bool RunLookupsCut { get; init; }

    /// <summary>Whether the draft's budget ran out before this sentence's clauses were all looked up: a clause's own precedent may be missing.</summary>
    public bool ClauseLookupsCut { get; init; }
}

/// <summary>
/// A passage that says nearly what the sentence says, or one clause of it (<see cref="Clause"/>): how nearly (0–1), the part
/// that aligns, and an excerpt with it marked.
/// </summary>
public sealed record Precedent
{
    public required PassageSource Source { get; init; }
    /// <summary>The share of the sentence (of the clause, for a clause's precedent) said in order in the passage.</summary>
    public required double Similarity { get; init; }
    public required string Matched { get; init; }
    public required string Snippet { get; init; }
    /// <summary>
    /// The clause of the sentence this is the precedent of, when it says the clause more nearly than the sentence's own
    /// precedents say the sentence (a formulation quoted in a sentence that runs on); null for a precedent of the whole sentence. The sentence lists its own precedents first.
    /// </summary>
    public DraftClause? Clause { get; init; }
    /// <summary>
    /// The set formulation (said as it is by two passages or more), as this passage prints it, that the sentence or clause
    /// misquotes by one or two characters (打铁必须自身硬 for 打铁还须自身硬); null where it does not.
    /// </summary>
    public string? MisquoteOf { get; init; }
}

/// <summary>A clause of a draft's sentence (offsets into the draft).</summary>
public sealed record DraftClause(string Text, int Start, int End);

/// <summary>A run of the sentence found verbatim in a passage (offsets into the draft), and that passage's source to cite.</summary>
public sealed record SharedRun(string Text, int Start, int End, string PassageId)
{
    public required PassageSource Source { get; init; }
}
