namespace SpeechArchive.Search;

/// <summary>
/// A free-text query as <see cref="FreeTextReader"/> read it: its runs of text as written (passages holding one rank first),
/// the words searched in them (each a <see cref="WordSlot"/>), the words dropped, and how many words a passage must hold.
/// </summary>
/// <param name="Runs">The unquoted runs as typed; a run of more than one word is also matched as a phrase.</param>
/// <param name="Slots">The words searched, in query order.</param>
/// <param name="Dropped">Question and function words left out (如何, 的, 要…), single characters, and everyday words whose
/// thesaurus terms the query already searches (打工 beside 务工).</param>
/// <param name="Missing">Words found in no passage, even split into parts or through their thesaurus terms.</param>
/// <param name="MinimumMatch">How many of <see cref="Slots"/> a passage must hold unless it holds a run as written.</param>
/// <param name="Phrases">Quoted phrases: each must match, with its exact meaning.</param>
/// <param name="Plain">The baseline: words ORed under plain BM25, no phrase tier, proximity, boosts or expansions.</param>
/// <param name="Question">It holds a question word (如何, 怎么办, 吗…): ranked by its words, not by how nearly a passage holds it as typed.</param>
internal sealed record FreeTextQuery(
    IReadOnlyList<QueryWord> Runs,
    IReadOnlyList<WordSlot> Slots,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<string> Missing,
    int MinimumMatch,
    IReadOnlyList<QueryWord> Phrases,
    bool Plain,
    bool Question)
{
    /// <summary>
    /// Official formulations the query describes in everyday words (thesaurus <c>formulations</c>, <see cref="FormulationMatcher"/>):
    /// their passages are counted and ranked beside the words' (with expansions on).
    /// </summary>
    public IReadOnlyList<QueryWord> Formulations { get; init; } = [];

    /// <summary>
    /// The query is one run, asking nothing, that some passage holds as typed once its function words are left out (钉钉子的精神:
    /// 钉钉子精神, in two passages): what it means, as a run held as typed is, so too few passages holding all its words do not
    /// lower the minimum (<see cref="Ranker"/>: 精神 alone counted 711 passages). Not itself ranked as written: the passages
    /// holding it rank first by their words as they are.
    /// </summary>
    public bool HeldBare { get; init; }

    /// <summary>
    /// Thesaurus keys the query spells in several words (双倍工资 of 双倍 | 工资), with the terms they lent each of those words'
    /// slots (<see cref="WordSlot.Expansions"/>): the page names the key once, not each word.
    /// </summary>
    public IReadOnlyList<QueryExpansion> KeyExpansions { get; init; } = [];

    /// <summary>
    /// The formulations' match forms that are not also a run, word, part, term or phrase of the query: a snippet marks them only
    /// where they are not negated, as the ranking counts them (<see cref="Matcher.Affirmed"/>).
    /// </summary>
    public IReadOnlySet<string> FormulationsOnly()
    {
        if (Formulations.Count == 0)
        {
            return new HashSet<string>();
        }

        var others = WordForms.ToHashSet(StringComparer.Ordinal);
        return Formulations.Select(f => f.MatchForm).Where(f => !others.Contains(f)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every match form to mark in a snippet: runs, words and their parts and expansions, quoted phrases, formulations.</summary>
    public IEnumerable<string> Forms => WordForms.Concat(Formulations.Select(f => f.MatchForm));

    /// <summary>What a passage of its results has marked (its snippet, the reader's speech): every form, the formulations only where they were searched.</summary>
    public List<string> Marked(bool formulationsSearched) => [.. (formulationsSearched ? Forms : WordForms).Distinct()];

    /// <summary>
    /// Which of the query's words each marked form stands for, for choosing a snippet that shows most of them: a word with its
    /// parts, thesaurus terms and components is one; each run as typed, quoted phrase and formulation is one of its own. Its keys
    /// are the forms <see cref="Marked"/> lists.
    /// </summary>
    public Dictionary<string, int> Concepts(bool formulationsSearched)
    {
        var wordOf = new Dictionary<string, int>(StringComparer.Ordinal); // a form of a word's slot → the slot
        for (var slot = 0; slot < Slots.Count; slot++)
        {
            foreach (var word in Slots[slot].Words.Concat(Slots[slot].Expansions).Concat(Slots[slot].Components))
            {
                wordOf.TryAdd(word.MatchForm, slot);
            }
        }

        var next = Slots.Count;
        return Marked(formulationsSearched).ToDictionary(form => form, form => wordOf.TryGetValue(form, out var slot) ? slot : next++, StringComparer.Ordinal);
    }

    /// <summary>The runs as typed but those the reading dropped whole (的 of 干部 的 作风, 怎么办 of 干部 怎么办): neither ranked as written nor marked.</summary>
    public IEnumerable<QueryWord> SearchedRuns => Runs.Where(r => !Dropped.Contains(r.MatchForm));

    /// <summary>The match forms of the query's searched runs, words (their parts, terms and components) and quoted phrases.</summary>
    public IEnumerable<string> WordForms => SearchedRuns.Select(r => r.MatchForm)
        .Concat(Slots.SelectMany(s => s.Words.Concat(s.Expansions).Concat(s.Components)).Select(w => w.MatchForm))
        .Concat(Phrases.Select(p => p.MatchForm));
}

/// <summary>
/// One word of a free-text query: the word itself, or when no passage holds it, the parts it splits into (any of which
/// counts), or none when it is an everyday word searched through its thesaurus terms alone (穷人); its thesaurus terms,
/// weighted lower; and for a long learned word, the shorter words it is made of, which count
/// for it where a passage holds them all (<see cref="Analysis.Lexicon.Components"/>).
/// </summary>
internal sealed record WordSlot(string Text, IReadOnlyList<QueryWord> Words, IReadOnlyList<QueryWord> Expansions)
{
    /// <summary>The shorter words the word is made of; a passage holding all of them holds the word's meaning apart (控制…人口…增长).</summary>
    public IReadOnlyList<QueryWord> Components { get; init; } = [];

    /// <summary>
    /// Those of <see cref="Expansions"/> only a thesaurus key of several words lent it (二倍的工资 of 双倍工资 for 双倍), not its
    /// own: the page shows them beside the key (<see cref="FreeTextQuery.KeyExpansions"/>).
    /// </summary>
    public IReadOnlyList<string> Lent { get; init; } = [];

    /// <summary>Whether the word was split into parts because no passage holds it whole.</summary>
    public bool Split => Words.Count != 1 || Words[0].Text != Text;
}
