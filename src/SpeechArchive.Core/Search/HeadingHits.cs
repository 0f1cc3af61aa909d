namespace SpeechArchive.Search;

/// <summary>
/// Headings and titles as hits of their own: a section heading (or speech title) that holds a phrase makes the first passage
/// under it a hit, so a heading searched as written is found, counted in totals and facets like any passage, and shown with
/// the heading marked. Built once per snapshot by <see cref="SearchStructures"/>.
/// </summary>
internal sealed class HeadingHits
{
    private readonly IndexSnapshot index;
    private readonly Lazy<Parts> parts;

    /// <summary>The titles' postings alone, for a title looked up by its words: no heading's first passage is needed for it.</summary>
    private readonly Func<FieldPostings> titlePostings;

    /// <summary>The headings' and titles' postings and the first passage under each heading, made on the first form long enough to need them.</summary>
    private sealed class Parts
    {
        public required FieldPostings Headings { get; init; }
        public required (int Speech, int Section)[] HeadingIds { get; init; }
        public required int[] HeadingDoc { get; init; }
        public required Dictionary<int, int> HeadingOfDoc { get; init; }
        public required FieldPostings Titles { get; init; }
    }

    private HeadingHits(IndexSnapshot index, Func<(FieldPostings Texts, (int Speech, int Section)[] Ids)> headings, Func<FieldPostings> titles)
    {
        this.index = index;
        titlePostings = titles;
        parts = new(() =>
        {
            var (texts, ids) = headings();
            var headingDoc = new int[ids.Length];
            var headingOfDoc = new Dictionary<int, int>();
            var (speech, ascending) = (-1, false);
            for (var h = 0; h < ids.Length; h++)
            {
                if (ids[h].Speech != speech)
                {
                    speech = ids[h].Speech;
                    ascending = StartsAscend(index, speech);
                }

                headingDoc[h] = FirstPassageUnder(index, ids[h].Speech, ids[h].Section, ascending);
                if (headingDoc[h] >= 0)
                {
                    headingOfDoc.TryAdd(headingDoc[h], h);
                }
            }

            return new Parts { Headings = texts, HeadingIds = ids, HeadingDoc = headingDoc, HeadingOfDoc = headingOfDoc, Titles = titles() };
        });
    }

    /// <summary>A phrase this long (match-form characters) or longer makes a heading hit: a heading searched as written, not a common word in it.</summary>
    public const int MinLength = 4;

    /// <summary>
    /// The heading hits of <paramref name="index"/> over the heading texts and titles <paramref name="headings"/> and
    /// <paramref name="titles"/> give, asked for (with the first passage under each heading) on the first form of
    /// <see cref="MinLength"/> or more, or by <see cref="Prepare"/>: a search for shorter words never waits for them (a title
    /// looked up by its words reads the titles' postings alone).
    /// </summary>
    public static HeadingHits Build(IndexSnapshot index, Func<(FieldPostings Texts, (int Speech, int Section)[] Ids)> headings, Func<FieldPostings> titles) =>
        new(index, headings, titles);

    /// <summary>Makes the postings and the passages under the headings now (a snapshot's preparation, in the background).</summary>
    public void Prepare() => _ = parts.Value;

    /// <summary>
    /// The passages that stand first under a heading or title holding <paramref name="form"/> (a match form), ascending, each
    /// with the share of that heading (or title) the form covers: a heading searched whole covers 1.
    /// </summary>
    public Dictionary<int, double>? Docs(string form)
    {
        if (form.Length < MinLength)
        {
            return null;
        }

        var (headings, headingDoc, titles) = (parts.Value.Headings, parts.Value.HeadingDoc, parts.Value.Titles);
        Dictionary<int, double>? docs = null;
        foreach (var h in headings.Matching(form))
        {
            if (headingDoc[h] >= 0)
            {
                Add(headingDoc[h], Coverage(form, headings.Value(h)));
            }
        }

        foreach (var s in titles.Matching(form))
        {
            if (index.Speeches[s].Passages is [var first, ..])
            {
                Add(first, Coverage(form, titles.Value(s)));
            }
        }

        return docs;

        void Add(int doc, double coverage)
        {
            docs ??= [];
            docs[doc] = Math.Max(coverage, docs.GetValueOrDefault(doc));
        }
    }

    /// <summary>More titles than this holding every word: the words name a kind of speech, not one (政府工作报告 国务院).</summary>
    public const int MaxTitlesLookedUp = 20;

    /// <summary>
    /// A title given (a front matter's, a metadata table's) or read from a title-like first line; not one cut from the opening
    /// words (按照市委和市纪委监委工作部署…) or a salutation a table gives (同志们：今天，我们召开…), which say what the text says.
    /// </summary>
    private const double TrustedTitle = 0.7;

    /// <summary>
    /// A speech looked up by words of its title, not its title as written (2019年政府工作报告 for 2019年中华人民共和国国务院政府工作报告):
    /// the first passage of each speech whose title (<see cref="TrustedTitle"/>) holds one form of every word in
    /// <paramref name="words"/> (each word's forms: the word, or the parts any of which counts), with the share of the title
    /// those forms cover. Null for fewer than
    /// two words, a word of fewer than two characters (the titles' postings are pairs), or more than
    /// <see cref="MaxTitlesLookedUp"/> such titles.
    /// </summary>
    public Dictionary<int, double>? TitlesHoldingAll(IReadOnlyList<IReadOnlyList<string>> words)
    {
        if (words.Count < 2 || words.Any(forms => forms.Count == 0 || forms.Any(f => f.Length < 2)))
        {
            return null;
        }

        var (titles, holding) = TitlesHolding(words);
        var all = new HashSet<int>(holding[0]);
        foreach (var these in holding.Skip(1))
        {
            all.IntersectWith(these);
        }

        if (all.Count == 0 || all.Count > MaxTitlesLookedUp)
        {
            return null;
        }

        var docs = new Dictionary<int, double>();
        foreach (var s in all.Where(Trusted))
        {
            if (index.Speeches[s].Passages is [var first, ..])
            {
                docs[first] = Covered(titles, s, words, _ => true);
            }
        }

        return docs.Count == 0 ? null : docs;
    }

    /// <summary>
    /// The first passage of each speech whose title (<see cref="TrustedTitle"/>) holds <paramref name="typed"/> (a match form)
    /// as typed, with the share of the title it covers: 论联合政府 for 論聯合政府 (七大), where the words leave 论 out. Null when
    /// none does, or more than <see cref="MaxTitlesLookedUp"/> do, or it is shorter than four characters.
    /// </summary>
    public Dictionary<int, double>? TitlesHoldingAsTyped(string typed)
    {
        if (typed.Length < 4)
        {
            return null;
        }

        var docs = new Dictionary<int, double>();
        for (var s = 0; s < index.Speeches.Count; s++)
        {
            var title = index.Speeches[s].TitleMatch;
            if (Analysis.MatchText.HoldsWhole(title, typed) && Trusted(s) && index.Speeches[s].Passages is [var first, ..])
            {
                docs[first] = (double)typed.Length / title.Length;
                if (docs.Count > MaxTitlesLookedUp)
                {
                    return null;
                }
            }
        }

        return docs.Count == 0 ? null : docs;
    }

    /// <summary>
    /// A speech named by some words of its title, the rest of the query asked of its text (2019年 政府工作报告 减税降费): the
    /// speeches whose titles (<see cref="TrustedTitle"/>) hold the most of <paramref name="words"/> — two or more, not all — each
    /// with which words its title holds and the share of the title they cover, of the titles holding a word that names one
    /// speech among its kind (<paramref name="names"/>: a year, a congress); or one alone where it names a speech by itself
    /// (<paramref name="namesAlone"/>: a congress, 十九大 of 十九大报告关于从严治党, where 推动从严治党取得新成效 holds two words
    /// and names nothing). Null when no such title holds two (or one such), or more than <see cref="MaxTitlesLookedUp"/> hold
    /// the most.
    /// </summary>
    public List<(int Speech, bool[] Held, double Coverage)>? TitlesHoldingMost(IReadOnlyList<IReadOnlyList<string>> words, Func<int, bool> names, Func<int, bool> namesAlone)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(namesAlone);
        if (words.Count < 2)
        {
            return null; // one word: in a title or not
        }

        var (titles, holding) = TitlesHolding(words);
        bool Holds(int speech, Func<int, bool> which) => Enumerable.Range(0, words.Count).Any(w => which(w) && holding[w].Contains(speech));
        var trusted = holding.SelectMany(these => these).CountBy(s => s)
            .Where(c => c.Value < words.Count && Holds(c.Key, names) && (c.Value >= 2 || Holds(c.Key, namesAlone)) && Trusted(c.Key)).ToList();
        if (trusted.Count == 0)
        {
            return null;
        }

        var most = trusted.Max(c => c.Value);
        var named = trusted.Where(c => c.Value == most).Select(c => c.Key).ToList();
        if (named.Count > MaxTitlesLookedUp)
        {
            return null;
        }

        return [.. named.Order().Select(s =>
        {
            var held = holding.Select(these => these.Contains(s)).ToArray();
            return (s, held, Covered(titles, s, words, w => held[w]));
        })];
    }

    /// <summary>The titles' postings, and for each word the titles holding one of its forms (none for a word with a form too short for pairs).</summary>
    private (FieldPostings Titles, HashSet<int>[] Holding) TitlesHolding(IReadOnlyList<IReadOnlyList<string>> words)
    {
        var titles = titlePostings();
        return (titles, [.. words.Select(forms => forms.Count == 0 || forms.Any(f => f.Length < 2) ? [] : forms.SelectMany(titles.Matching).ToHashSet())]);
    }

    private bool Trusted(int speech) => (index.Speeches[speech].Metadata?.TitleProvenance.Confidence ?? 0) >= TrustedTitle;

    /// <summary>The share of title <paramref name="speech"/> the words it holds (<paramref name="held"/>) cover, each by its form covering most.</summary>
    private static double Covered(FieldPostings titles, int speech, IReadOnlyList<IReadOnlyList<string>> words, Func<int, bool> held)
    {
        var title = titles.Value(speech).ToString();
        var covered = Enumerable.Range(0, words.Count).Where(held)
            .Sum(w => words[w].Where(f => Analysis.MatchText.HoldsWhole(title, f)).Max(f => Coverage(f, title)));
        return Math.Min(1.0, covered);
    }

    /// <summary>How much of a heading's Han text and words <paramref name="form"/> covers (numbering and punctuation aside).</summary>
    private static double Coverage(string form, ReadOnlySpan<char> heading)
    {
        var letters = 0;
        foreach (var c in heading)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
        }

        var covered = 0;
        foreach (var c in form)
        {
            if (char.IsLetterOrDigit(c))
            {
                covered++;
            }
        }

        return letters == 0 ? 0 : Math.Min(1.0, (double)covered / letters);
    }

    /// <summary>
    /// The heading (or title) that makes passage <paramref name="doc"/> a hit for one of <paramref name="forms"/>: its text
    /// (source) and whether it is a title; null when the passage is a hit through its own text only.
    /// </summary>
    public (string Text, bool IsTitle)? Describe(int doc, IReadOnlyList<string> forms)
    {
        if (!forms.Any(f => f.Length >= MinLength))
        {
            return null; // both ways below need such a form
        }

        if (parts.Value.HeadingOfDoc.TryGetValue(doc, out var h))
        {
            var (speech, section) = parts.Value.HeadingIds[h];
            var s = index.Speeches[speech];
            var info = s.Sections[section];
            var match = Analysis.MatchText.Build(s.TextSpan, info.HeadingStart, info.HeadingEnd);
            if (forms.Any(f => f.Length >= MinLength && Analysis.MatchText.HoldsWhole(match, f)))
            {
                return (s.TextSpan[info.HeadingStart..info.HeadingEnd].ToString(), false);
            }
        }

        var speechInfo = index.Speeches[index.PassageSpeech[doc]];
        if (speechInfo.Passages is [var first, ..] && first == doc && forms.Any(f => f.Length >= MinLength && Analysis.MatchText.HoldsWhole(speechInfo.TitleMatch, f)))
        {
            return (speechInfo.Title, true);
        }

        return null;
    }

    /// <summary>The first passage of the speech that starts at or after the heading's end, if it starts inside the section; else -1.</summary>
    private static int FirstPassageUnder(IndexSnapshot index, int speech, int section, bool ascending)
    {
        var s = index.Speeches[speech];
        var info = s.Sections[section];
        var passages = s.Passages;
        if (ascending)
        {
            // The passages start in ascending order: the first that starts at or after the heading's end, found by halves.
            var (low, high) = (0, passages.Count);
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (index.Passages.Start[passages[mid]] >= info.HeadingEnd)
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }

            return low < passages.Count && index.Passages.Start[passages[low]] < info.End ? passages[low] : -1;
        }

        foreach (var doc in passages)
        {
            var p = index.Passages[doc];
            if (p.Start >= info.HeadingEnd)
            {
                return p.Start < info.End ? doc : -1;
            }
        }

        return -1;
    }

    /// <summary>Whether the speech's passages, in order, start in ascending (non-decreasing) order.</summary>
    private static bool StartsAscend(IndexSnapshot index, int speech)
    {
        var passages = index.Speeches[speech].Passages;
        for (var i = 1; i < passages.Count; i++)
        {
            if (index.Passages.Start[passages[i]] < index.Passages.Start[passages[i - 1]])
            {
                return false;
            }
        }

        return true;
    }
}
