using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// The understand stage's output: the parsed query as the later stages take it. Strict, every word as typed (with thesaurus
/// terms added as OR alternatives); or free text (<see cref="FreeText"/>): runs as written, then words. Immutable.
/// </summary>
internal sealed class UnderstoodQuery
{
    private UnderstoodQuery(ParsedQuery original, ParsedQuery query, SearchRequest request, QueryUnderstanding? understanding)
    {
        Original = original;
        Query = query;
        Request = request;
        Understanding = understanding;
        Probe = MakeProbe(original);
    }

    /// <summary>The query as parsed.</summary>
    public ParsedQuery Original { get; }

    /// <summary>The query to match: the parsed query with each word's thesaurus terms added as OR alternatives.</summary>
    public ParsedQuery Query { get; }

    public SearchRequest Request { get; }

    /// <summary>Thesaurus and near-match settings; null for a searcher that matches strictly (no reranking, no near matches).</summary>
    public QueryUnderstanding? Understanding { get; }

    public IReadOnlyList<QueryExpansion> Expansions { get; private init; } = [];

    /// <summary>The free-text reading (<see cref="FreeTextReader"/>), or null when the query is matched strictly.</summary>
    public FreeTextQuery? FreeText { get; private init; }

    /// <summary>The query's words run together (as a writer remembers a clause), or null when it has OR alternatives.</summary>
    public string? Probe { get; }

    /// <summary>Of several words run together (no OR alternatives), passages holding them together rise.</summary>
    public bool RewardsProximity => Understanding is not null && Original.Required.Count >= 2 && Probe is not null;

    /// <summary>One phrase of four characters or more, which may match across punctuation: those holding it as written rise.</summary>
    public bool PrefersAsWritten => Understanding is not null && Original.Required.Count == 1 && Probe is { Length: >= 4 };

    /// <summary>
    /// Whether ranking may change a strict score (free text; of several words, proximity; of one phrase, the preference for it
    /// as written; exact matches above expansions). When not, one word may be scored while the passages are collected.
    /// </summary>
    public bool Reranks => FreeText is not null || RewardsProximity || PrefersAsWritten || Expansions.Count > 0;

    /// <summary>Every match form a snippet marks.</summary>
    public List<string> Forms => FreeText is { } free ? [.. free.Forms.Distinct()] : Phrases;

    /// <summary>The words and phrases as typed (match form): a heading holding one makes the passage under it a hit.</summary>
    public List<string> Phrases => [.. Query.Required.SelectMany(c => c.Alternatives).Select(w => w.MatchForm)];

    /// <summary>The query matched strictly, as a searcher without query understanding does.</summary>
    public static UnderstoodQuery Strict(ParsedQuery query, SearchRequest request) => new(query, query, request, null);

    public static UnderstoodQuery Create(IndexSnapshot index, QueryUnderstanding understanding, ParsedQuery query, SearchRequest request, WordMatches matches)
    {
        var thesaurus = request.Expand ? understanding.Thesaurus : null;
        var reading = FreeTextReader.Read(query, request.Mode, SearchStructures.Of(index).Segmenter, thesaurus, matches);
        if (reading is not null && request.WithoutFormulations.Count > 0)
        {
            reading = reading with { Formulations = [.. reading.Formulations.Where(f => !request.WithoutFormulations.Contains(f.Text, StringComparer.Ordinal))] };
        }

        if (reading is not null)
        {
            return new UnderstoodQuery(query, query, request, understanding)
            {
                FreeText = reading,
                // A word searched through its terms alone (穷人) is not widened by them: the reading says so beside the word. The
                // terms a key of several words lent them (双倍工资 → 二倍的工资) are shown once, beside the key.
                Expansions = [.. reading.Slots.Where(s => s.Words.Count > 0)
                    .Select(s => new QueryExpansion(s.Text, [.. s.Expansions.Select(e => e.Text).Where(e => !s.Lent.Contains(e))]))
                    .Where(e => e.Alternatives.Count > 0)
                    .Concat(reading.KeyExpansions)],
            };
        }

        if (thesaurus is null || thesaurus.Entries.Count == 0)
        {
            return new UnderstoodQuery(query, query, request, understanding);
        }

        var lexicon = SearchStructures.Of(index).Segmenter.Lexicon;
        var expansions = new List<QueryExpansion>();
        var clauses = new List<QueryClause>(query.Required.Count);
        foreach (var clause in query.Required)
        {
            var words = clause.Alternatives.ToList();
            // A single character searched strictly is matched as typed: its thesaurus terms (罚 → 罚款) are what free text reads it as.
            foreach (var word in clause.Alternatives.Where(w => !w.Quoted && w.MatchForm.Length > 1))
            {
                var added = thesaurus.RelatedTo(word.MatchForm).Concat(thesaurus.InsideTerms(word.MatchForm, t => matches.SaidApart(new QueryWord(t, false, t), lexicon)))
                    .Where(r => !words.Any(w => w.MatchForm == r)).ToList();
                if (added.Count > 0)
                {
                    words.AddRange(added.Select(r => new QueryWord(r, false, r)));
                    expansions.Add(new QueryExpansion(word.Text, added));
                }
            }

            clauses.Add(new QueryClause(words));
        }

        var expanded = expansions.Count == 0 ? query : query with { Required = clauses };
        return new UnderstoodQuery(query, expanded, request, understanding) { Expansions = expansions };
    }

    private static string? MakeProbe(ParsedQuery query) => query.Required.Count == 0 || query.Required.Any(c => c.Alternatives.Count != 1)
        ? null
        : string.Concat(query.Required.Select(c => c.Alternatives[0].MatchForm.Replace(MatchText.Break.ToString(), "", StringComparison.Ordinal)));
}
