using System.Text;
using System.Text.RegularExpressions;
using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// The understanding stage for free text: an unquoted query without OR is read as its runs as written, then their words
/// (segmented with the archive's lexicon, thesaurus keys read whole) without question, function and filler words; a word
/// no passage holds is searched through its thesaurus terms, or split into parts.
/// Quoted phrases, exclusions and filters keep their exact meaning.
/// </summary>
internal static partial class FreeTextReader
{
    /// <summary>A query every run of which is found as written in this many passages is matched strictly (it is a formulation).</summary>
    public const int AsWrittenEnough = 10;

    /// <summary>
    /// A formulation held by more than this share of the passages (and more than <see cref="FormulationHolders"/>) is not
    /// searched for a query describing it.
    /// </summary>
    public const double FormulationShare = 0.02;

    /// <summary>However small the archive, a formulation held by this many passages or fewer is specific enough to search.</summary>
    public const int FormulationHolders = 10;

    /// <summary>
    /// A part held by more than this share of the passages (工作, in a quarter of them) is too broad to stand for the everyday
    /// word it is part of (找工作) where that word's thesaurus terms (就业) say what it means.
    /// </summary>
    public const double BroadPartShare = 0.05;

    /// <summary>However small the archive, a part held by this many passages or fewer is not too broad (<see cref="BroadPartShare"/>).</summary>
    public const int BroadPartHolders = 5;

    /// <summary>A run this short (characters) found as written is matched as one term.</summary>
    public const int TermLength = 4;

    /// <summary>
    /// The free-text reading of <paramref name="query"/>, or null when the query is to be matched strictly: exact mode, OR
    /// between words, nothing unquoted, runs that are each one word found as typed (free text would change nothing), or
    /// runs each found as written in <see cref="AsWrittenEnough"/> passages or more (a formulation: widen only when it is rare),
    /// and, of several runs, as many passages holding them all.
    /// </summary>
    public static FreeTextQuery? Read(ParsedQuery query, SearchMode mode, Segmenter segmenter, Thesaurus? thesaurus, WordMatches matches)
    {
        Func<QueryWord, WordMatch> match = matches.InText, matchRun = w => matches.Get(w);
        if (mode == SearchMode.Exact || query.Required.Any(c => c.Alternatives.Count != 1))
        {
            return null;
        }

        var clauses = query.Required.Select(c => c.Alternatives[0]).ToList();
        var runs = clauses.Where(w => !w.Quoted).ToList();
        if (runs.Count == 0)
        {
            return null;
        }

        var plain = mode == SearchMode.Words;
        var words = new List<string>();
        var dropped = new List<string>();
        var fragments = new List<string>(); // a lone letter or digit of a run of letters and signs (the 1 of alert(1), the x of src=x)
        var asked = new List<string>();
        bool IsWord(string w) => segmenter.Lexicon.Contains(w) || IsKey(thesaurus, w);
        var keyTerms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var keys = new List<(QueryExpansion Key, List<string> Pieces)>();
        var said = new List<List<string>>(); // each run's pieces, in order, for the formulations' bridged strings
        string? bare = null; // the one run without its function words, where it had some (钉钉子的精神 → 钉钉子精神)
        var identifiers = new List<string>(); // typed as one (COVID-19), held by no passage: not found, not searched in pieces
        foreach (var run in runs)
        {
            var text = plain ? run.MatchForm : WithoutUnheldIdentifiers(run.Text, AskedOnce(run.MatchForm, IsWord, asked, dropped), matches, identifiers);
            var pieces = KeptApart(text, YearsIn(text), t => plain ? Words(t, segmenter, thesaurus, matches, joinKeys: false)
                : KeptApart(t, QueryStopWords.QuestionWordsIn(t), u => Words(u, segmenter, thesaurus, matches, joinKeys: true)));
            if (runs.Count == 1 && pieces.Count(p => !QueryStopWords.Contains(p)) is >= 2 and var kept && kept < pieces.Count)
            {
                bare = string.Concat(pieces.Where(p => !QueryStopWords.Contains(p)));
            }

            said.Add([.. pieces.Where(p => !YearForms(p).Any())]); // a year is when, not what: no description says it (一九九六年 read 澳门回归, 营改增)
            if (!plain && thesaurus is not null)
            {
                LendKeyTerms(pieces, thesaurus, keyTerms, keys);
            }

            foreach (var word in pieces)
            {
                if (QueryStopWords.Contains(word) || (word.Length == 1 && (plain || thesaurus?.RelatedTo(word).Any(Found) != true)))
                {
                    // A single character is searched only where the thesaurus says what it means alone (罚 → 罚款、处罚), and
                    // then through those terms: as a character it matches inside any word (罚 of 惩罚性, 告 of 报告).
                    dropped.Add(word);
                    if (word.Length == 1 && !HasHan(word) && !HasHan(text) && word != text)
                    {
                        fragments.Add(word);
                    }
                }
                else if (!words.Contains(word))
                {
                    words.Add(word);
                }
            }
        }

        // Beside the single characters, only words of letters no passage holds (covid19 of 新冠COVID19): those are not split
        // into letters (PartsOf), so the characters are all there is to search.
        var onlyCharacters = words.All(w => !HasHan(w) && !Found(w));
        if (!plain && onlyCharacters && runs is [{ MatchForm: { Length: >= 2 and <= MaxUnheldName } name }] && name.All(HanRuns.IsHan)
            && !name.Any(c => QueryStopWords.Contains(c.ToString())) && !Found(name))
        {
            // A few characters no passage holds together and no function character among them (华国锋, 朱镕基: a name the archive
            // does not hold) are not found: searched apart, 华, 国 and 锋 matched inside any word (中华, 国家, 先锋) in 722 passages.
            return new FreeTextQuery(runs, [], [], [name], 0, [.. clauses.Where(w => w.Quoted)], plain, Question: false);
        }

        if (onlyCharacters)
        {
            // Nothing but single characters, question and function words: search them after all (a set phrase found as typed,
            // 又好又快 or 大而全, is matched strictly below; as free text the function ones are dropped again there). Not a lone
            // letter or digit of a run of letters and signs, unless typed alone too: <img src=x onerror=alert(1)> was searched
            // as the 1 of alert(1), found in 285 passages through any number with a 1 in it, and offered as advice.
            bool Fragment(string d) => fragments.Contains(d) && !runs.Any(r => r.MatchForm == d);
            words.AddRange(dropped.Distinct().Where(d => !Fragment(d)));
            dropped.RemoveAll(d => !Fragment(d));
        }

        dropped.AddRange(asked.Distinct()); // shown as read: 管不管 dropped, its word searched where it is one

        var slots = new List<WordSlot>();
        var missing = new List<string>(identifiers.Distinct());
        var parts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var otherYears = plain ? [] : YearForms(word).Where(Found).ToList();
            var found = plain ? (Found(word) ? [word] : [])
                : otherYears.Count > 0 ? [.. (Found(word) ? otherYears.Prepend(word) : otherYears)] // 1958年 and 一九五八年 are one word
                : Parts(word);

            if (!plain && thesaurus is not null && (word.Length == 1 || !Found(word)) && found.All(p => p.Length == 1 || Broad(p)) && thesaurus.RelatedTo(word).Where(Found).ToList() is [_, ..] held)
            {
                // An everyday word no passage holds (穷人, 深山) is searched through its thesaurus terms, not as characters that
                // match inside any word (深 of 深化, 山 of 山西) nor as a part too broad to mean it (工作 of 找工作, where 就业 does:
                // 青年 and 工作 together are youth work, not youth finding jobs); where the query already searches them (打工
                // 务工), it adds nothing.
                var terms = held.Where(r => !words.Contains(r)).Distinct().ToList();
                if (terms.Count == 0)
                {
                    dropped.Add(word);
                }
                else
                {
                    slots.Add(new WordSlot(word, [], [.. terms.Select(Word)]));
                }

                continue;
            }

            if (found.Count == 0)
            {
                missing.Add(word);
                continue;
            }

            bool NewTerm(string r) => !words.Contains(r) && !found.Contains(r) && !QueryStopWords.Contains(r);
            List<string> own = plain || thesaurus is null ? [] : [.. found.Where(p => p.Length > 1).Prepend(word).Distinct().SelectMany(thesaurus.RelatedTo)
                .Concat(found.Count == 1 && found[0] == word ? thesaurus.InsideTerms(word, t => matches.SaidApart(Word(t), segmenter.Lexicon)) : []).Where(NewTerm).Distinct()];
            List<string> lent = plain || thesaurus is null ? [] : [.. (keyTerms.GetValueOrDefault(word) ?? []).Where(r => NewTerm(r) && !own.Contains(r))]; // LendKeyTerms keeps each term once
            var expansions = own.Concat(lent).Select(Word).ToList();
            var components = plain || found is not [var whole] || whole != word ? []
                : segmenter.Lexicon.Components(word).Where(c => !QueryStopWords.Contains(c)).Distinct().ToList();
            slots.Add(new WordSlot(word, [.. found.Select(Word)], expansions) { Components = components.Count > 1 ? [.. components.Select(Word)] : [], Lent = lent });
        }

        // Several runs few passages hold together (碳达峰 碳中和: 6) are free text too, so the first page fills with passages
        // holding some of them.
        bool Together() => runs.Count < 2 || PostingsMath.CountTogether([.. runs.Select(r => match(r).Docs)], AsWrittenEnough) >= AsWrittenEnough;
        if (!plain && dropped.Count == 0 && missing.Count == 0 && runs.Count == slots.Count
            && runs.Zip(slots).All(x => !x.Second.Split && x.Second.Text == x.First.MatchForm) && Together())
        {
            return null; // each run is one word found as typed: strict matching means the same
        }

        if (!plain && dropped.All(QueryStopWords.IsFiller) && !slots.Any(s => s.Words.Count > 1 && YearForms(s.Text).Any()) && runs.All(r => (r.MatchForm.Length > 1 || runs.Count == 1) && matchRun(r).DocFrequency is var df && (df >= AsWrittenEnough || (df > 0 && r.MatchForm.Length <= TermLength))) && Together())
        {
            // A formulation found as written often enough fills the pages as strict matching finds it; a short one found as
            // written is a term (作风建设, 营商环境) whether or not the lexicon knows it. A filler in it (更加自觉) does not make
            // it free text; a question or function word does. Nor is a run of one character beside others a term (罚 酒驾):
            // it is read as free text, as it was when every single character was dropped.
            return null;
        }

        if (onlyCharacters && slots.Count(s => !QueryStopWords.Contains(s.Text)) >= 2)
        {
            // Read as free text, of two characters or more some passage holds that mean something (河 里 水 黑 臭 of
            // 河里的水又黑又臭) the question and function ones are dropped (的, 又: each matches inside any word, and a question
            // word makes it a question, 钱为什么少); with fewer, all are searched (什么, 水的).
            dropped.AddRange(slots.Where(s => QueryStopWords.Contains(s.Text)).Select(s => s.Text).Concat(missing.Where(QueryStopWords.Contains)));
            slots.RemoveAll(s => QueryStopWords.Contains(s.Text));
            missing.RemoveAll(QueryStopWords.Contains);
            words.RemoveAll(QueryStopWords.Contains); // the formulations are read from the words that mean something
        }

        if (!plain && Asks() && (slots.Any(s => !QueryStopWords.IsAnswerWord(s.Text)) || clauses.Any(w => w.Quoted)))
        {
            // A question's answer words (举措, 办法) say what it asks for, not what it is about: the passages answering 乡村振兴有哪些举措
            // tell the measures without calling them 举措. Dropped, not missing, where no passage holds one. A word the lexicon
            // makes of one (采取措施, 主要内容) is a word of its own and stays.
            dropped.AddRange(slots.Where(s => QueryStopWords.IsAnswerWord(s.Text)).Select(s => s.Text).Concat(missing.Where(QueryStopWords.IsAnswerWord)));
            words.RemoveAll(QueryStopWords.IsAnswerWord);
            slots.RemoveAll(s => QueryStopWords.IsAnswerWord(s.Text));
            missing.RemoveAll(QueryStopWords.IsAnswerWord);
        }

        var n = slots.Count;
        var minimum = plain ? Math.Min(1, n) : n <= 2 ? n : n <= 4 ? n - 1 : (int)Math.Ceiling(0.6 * n);
        bool Asks() => asked.Count > 0 || dropped.Any(QueryStopWords.IsQuestionWord);
        bool SaidAsWritten() => runs.All(r => r.MatchForm.Length >= SaidAsWrittenLength
            && (matchRun(r).DocFrequency >= (r.MatchForm.Length >= SaidOnceLength ? 1 : SaidAsWrittenHolders) || MostlySaid(r.MatchForm) || SaidInPieces(r.MatchForm) || SaidInClauses(r.MatchForm)));

        // The texts' clauses joined (以钉钉子精神 + 抓好整改落实, each held as typed by two passages): every character lies in
        // some run of SaidAsWrittenLength characters that two passages hold. Read as a description, its 精神 and 抓 were near
        // 物质精神一起抓 (两手抓), and that formulation's passages took the first page. A character no such run holds ends the
        // search: only the runs that could hold it are looked up, so a description stops within the first few.
        bool SaidInPieces(string run)
        {
            if (run.Length < 2 * SaidAsWrittenLength || run.Contains(MatchText.Break))
            {
                return false;
            }

            var coveredTo = 0; // the characters before this one lie in a held run
            for (var start = 0; start + SaidAsWrittenLength <= run.Length; start++)
            {
                if (start > coveredTo)
                {
                    return false;
                }

                if (matches.HeldAtLeast(Word(run.Substring(start, SaidAsWrittenLength)), SaidAsWrittenHolders))
                {
                    coveredTo = start + SaidAsWrittenLength;
                }
            }

            return coveredTo == run.Length;
        }

        // The texts' clauses joined end to end (以钉钉子精神 + 抓好作风建设, the second a heading's): the run cut into pieces of
        // SaidAsWrittenLength characters or more, each held as typed (in a passage or a heading) where the pieces' overlaps
        // (SaidInPieces) are not held. Read as a description, its 精神 and 抓 were near 物质精神一起抓 (两手抓) again, the user
        // trial found. A text holding a piece holds its start: from each place reached, longer pieces are looked up only while
        // the shorter one is held.
        bool SaidInClauses(string run)
        {
            if (run.Length is < 2 * SaidAsWrittenLength or > FormulationReader.LongestQuery || run.Contains(MatchText.Break))
            {
                return false; // a longer run (a paragraph pasted in) is not cut into clauses: the reader reads none so long
            }

            var reached = new bool[run.Length + 1];
            reached[0] = true;
            for (var start = 0; start < run.Length && !reached[run.Length]; start++)
            {
                // A held piece of 2 × SaidAsWrittenLength characters or more is held pieces of fewer, each held too: looking no
                // further keeps it at a few lookups a character (a pasted paragraph of 470 characters took 12,889 and 743 ms).
                for (var end = start + SaidAsWrittenLength; reached[start] && end <= Math.Min(run.Length, start + (2 * SaidAsWrittenLength) - 1); end++)
                {
                    var piece = run[start..end];
                    if (matchRun(new QueryWord(piece, false, piece)).DocFrequency == 0)
                    {
                        break;
                    }

                    reached[end] = true;
                }
            }

            return reached[run.Length];
        }

        // The texts' own wording with its last or first word changed (以人民为中心的发展理念 for …的发展思想): the rest, most of
        // it, held as typed. Read as a description, its 中 and 发展 were near 中部地区发展 (中部崛起).
        // A passage holding a longer first or last part holds the shortest one too: only that is looked up.
        bool MostlySaid(string run)
        {
            var least = Math.Max(SaidOnceLength, (int)Math.Ceiling(MostlySaidShare * run.Length));
            return least < run.Length && !run.Contains(MatchText.Break) && (Held(run[..least]) || Held(run[^least..]));
            bool Held(string part) => matchRun(new QueryWord(part, false, part)).DocFrequency > 0;
        }
        return new FreeTextQuery(runs, slots, dropped, missing, minimum, [.. clauses.Where(w => w.Quoted)], plain, Asks())
        {
            // A question asks about what its words say (为什么要兴办经济特区 is not the 兴办经济特区 of a passage): by its words.
            HeldBare = !plain && bare is not null && !Asks() && matchRun(Word(bare)).DocFrequency > 0,
            Formulations = plain || thesaurus is null ? [] : Formulations(thesaurus),
            // A key is shown with the terms it lent its own words and they do not have of their own (三不 of 不敢腐 is its own).
            KeyExpansions = [.. keys.Select(k => k.Key with { Alternatives = [.. k.Key.Alternatives.Where(t => slots.Any(s => k.Pieces.Contains(s.Text) && s.Lent.Contains(t)))] })
                .Where(k => k.Alternatives.Count > 0).DistinctBy(k => k.Term)],
        };

        // The formulations the words describe in everyday language (企业多交的税能退回来吗 → 留抵退税), unless the query says them already.
        List<QueryWord> Formulations(Thesaurus thesaurus)
        {
            if (SaidAsWritten())
            {
                // The texts' own wording (不敢腐不能腐不想腐, 党的自我革命永远在路上), found as typed, is no everyday description
                // of something else: read as one, its characters were near descriptions of 解放思想 and 新民主主义革命.
                return [];
            }

            // What the query searches already: its words and runs, and their terms, but for a statement of several words only
            // the words: a term of one of them is one of several words its passages must hold most of (在国外念完书的年轻人回来干事业:
            // 在国外念书 → 留学人员, beside 年轻人 回来 事业), so a formulation reached only through it is read as the formulation too.
            var termsSearched = Asks() || slots.Count < 2;
            var searched = slots.SelectMany(s => termsSearched ? s.Words.Concat(s.Expansions) : s.Words).Select(w => w.Text).Concat(runs.Select(r => r.MatchForm)).ToList();
            bool Unsearched(string f) => !searched.Any(w => w.Contains(f, StringComparison.Ordinal));
            bool Readable(string f) => Found(f) && Specific(f) && matches.HeldAffirmed(Word(f));
            bool Searchable(string f) => Unsearched(f) && Readable(f);

            // A statement is read by how near its characters are to the descriptions, with weights learned from the
            // descriptions themselves (FormulationReader: 山里人家不用再走几里路挑水吃 → 农村饮水安全, 政府衙门修得比宾馆还气派 → 楼堂馆所).
            // The nearest are chosen before those the query searches already are left out: where it says the nearest itself, or
            // a term of its one word does (请不起律师 → 法律援助), a far second is no reading of its own (留置措施, through
            // 留置期间能请律师吗).
            if (!Asks() && FormulationReader.For(thesaurus).Read([.. said.SelectMany(pieces => pieces).Where(p => !QueryStopWords.IsQuestionWord(p))])
                .Where(r => Readable(r.Formulation)).ToList() is [_, ..] read)
            {
                return [.. FormulationReader.Nearest(read).Where(Unsearched).Select(Word)];
            }

            // A question names what it asks in its words, and a statement the reader finds nothing for may still share two of a
            // description's words: the pairs they have in common (FormulationMatcher.Match). The descriptions keep their
            // fillers (耕地越来越少), so the query's go along with its words; its single characters are joined to the words
            // beside them (舍不得花), and those it does not search (钱, 看) tell apart descriptions its words are equally near.
            return [.. FormulationMatcher.Match([.. words.Where(w => !YearForms(w).Any()), .. dropped.Where(QueryStopWords.IsFiller).Distinct()], [.. said.SelectMany(FormulationMatcher.Bridge).Distinct()],
                [.. dropped.Where(d => d.Length == 1 && !QueryStopWords.Contains(d))], thesaurus, segmenter, pair => Math.Log(1 + (matches.Passages / (1.0 + matches.AtMostHolding(Word(pair))))))
                .Where(Searchable).Take(FormulationMatcher.MaxFormulations).Select(Word)];
        }

        bool Found(string word) => matches.HeldAtLeast(Word(word), 1);

        // Held by more than this share of the passages, and more than this many however small the archive.
        bool HeldByMany(string word, double share, int floor) => matches.HeldAtLeast(Word(word), Math.Max(floor, (int)(share * matches.Passages)) + 1);

        bool Broad(string part) => HeldByMany(part, BroadPartShare, BroadPartHolders);

        // A formulation that a large share of the archive holds (全面从严治党 in a bureau's speeches on it) names what the whole
        // archive is about, not what this query asks: its words rank those passages better.
        bool Specific(string formulation) => !HeldByMany(formulation, FormulationShare, FormulationHolders);

        // The word if some passage holds it; else the parts of its best split into two (each split again), else nothing. A part
        // of two characters or more is a lexicon word or a string without a function character (not 兵的 of 当兵的).
        List<string> Parts(string word) => PartsOf(word, whole: true);

        List<string> PartsOf(string word, bool whole)
        {
            if (parts.TryGetValue(word, out var known))
            {
                return known;
            }

            List<string> result = [];
            if (Found(word) && (whole || word.Length == 1 || segmenter.Lexicon.Contains(word) || (WordLike(word) && matches.MostlyWhole(Word(word), segmenter))))
            {
                result = [word];
            }
            else if (WithoutPotential(word) is { } bare)
            {
                result = PartsOf(bare, whole); // the complement is no part of what it means: 买不起房 by 买房, 看不起病 by 看病
            }
            else if (word.Length > 1 && HasHan(word))
            {
                // A word of letters or digits the archive does not hold (COVID, jianshe) is not found: its letters alone
                // would match 级 of I级响应 or a B of B同志.
                foreach (var cut in Lexicon.Cuts(word.Length))
                {
                    var (left, right) = (word[..cut], word[cut..]);
                    if (NoPart(left, isLeft: true) || NoPart(right, isLeft: false))
                    {
                        continue; // a cut leaving a negation without its word is no cut into parts (看不 | 起病)
                    }

                    var l = QueryStopWords.Contains(left) ? [] : PartsOf(left, whole: false);
                    var r = QueryStopWords.Contains(right) ? [] : PartsOf(right, whole: false);
                    if (l.Count > 0 && r.Count > 0)
                    {
                        result = [.. l, .. r];
                        break;
                    }

                    if (result.Count == 0)
                    {
                        result = [.. l, .. r];
                    }
                }
            }

            if (result.Any(p => p.Length > 1))
            {
                result = [.. result.Where(p => p.Length > 1)]; // single characters only where nothing longer is held
            }

            parts[word] = result;
            return result;
        }
    }

    /// <summary>
    /// The words of one run: the segmenter's, with the spans that spell a thesaurus key (not for the plain baseline) or a
    /// listed term made one (<see cref="JoinKeys"/>), and
    /// characters it leaves alone are joined where the archive holds them
    /// joined — a character with the word beside it (老 + 百姓 → 老百姓), a run of single characters into the longest pieces
    /// the archive or the thesaurus knows (大吃大喝; 买房 + 难) — since a word too rare to learn is still a word to search.
    /// </summary>
    private static List<string> Words(string run, Segmenter segmenter, Thesaurus? thesaurus, WordMatches matches, bool joinKeys)
    {
        bool found(string s) => matches.HeldAtLeast(Word(s), 1);

        // A character joins the word beside it where most passages holding the word hold it with the character (老百姓),
        // not where the two merely meet somewhere (问责 + 推 in 问责推动).
        // A pair seen in a passage or two says nothing (开会 + 发 of 开会发言 twice), nor one whose character is mostly part of
        // a word on its other side there (情 + 发生后, held in 疫情发生后, where the lexicon cut the query's 新冠疫 | 情).
        // A negation before a word (不 + 作为, 无 + 人机) joins it wherever three passages or more hold the two together, however
        // few of the word's: dropped as a function character, it would search the opposite of what the query asks (干部不作为
        // read as 干部 作为).
        // A word held by fewer passages than that joins the character where every passage holding it holds the two together
        // (钉钉 + 子: the archive's two passages of 钉钉 say 钉钉子精神): the same passages are found, and the character is not lost.
        bool Joins(string joined, string word, bool characterFirst) => Word(joined) is var pair
            && (matches.HeldAtLeast(pair, MinJoined)
                ? matches.HeldByShare(pair, Word(word), JoinShare) || (characterFirst && Negations.Contains(joined[0]))
                : matches.HeldAtLeast(pair, 1) && matches.HeldByShare(pair, Word(word), 1.0))
            && !matches.MostlyBoundOutside(pair, characterFirst, segmenter.Lexicon);

        var keyed = joinKeys ? thesaurus : null;
        var joinedKeys = JoinKeys([.. segmenter.Segment(run)], keyed, found);
        var spans = Recut(joinedKeys, keyed, segmenter.Lexicon) ?? joinedKeys;
        bool Loose(int i) => IsLoose(spans[i]);
        bool Touch(int i) => i + 1 < spans.Count && spans[i].End == spans[i + 1].Start;
        // A string the lexicon does not know is a word only where no function character is in it: 个事 (of 各个事业), 上不 and
        // 好多 are found in the archive as strings but are not what a query means; 讲讲 is 讲. Nor where the archive holds it
        // mostly across two words: 路排 (of 公路排水) and 长队 (of 校长队伍) in 跑远路排长队.
        bool Known(string s) => (segmenter.Lexicon.Contains(s) && found(s)) || (WordLike(s) && found(s) && matches.MostlyWhole(Word(s), segmenter))
            || IsKey(thesaurus, s);

        var pieces = new List<string>();
        for (var i = 0; i < spans.Count; i++)
        {
            if (Separated(i) is { } joined)
            {
                pieces.Add(joined);
                i += 2;
                continue;
            }

            if (!Loose(i))
            {
                pieces.Add(spans[i].Text);
                continue;
            }

            // A run of loose characters stops before a separable word an aspect particle parts (刚 | 吸过毒); a verb joined with its
            // object into a thesaurus key (刚 | 丢工作, of 丢了工作) is one span already (JoinKeys).
            var end = i;
            while (Touch(end) && Loose(end + 1) && Separated(end + 1) is null)
            {
                end++;
            }

            var chunk = string.Concat(spans.Skip(i).Take(end - i + 1).Select(s => s.Text));
            if (chunk.Length == 1)
            {
                if (Touch(i) && !QueryStopWords.Contains(spans[i + 1].Text) && Separated(i + 1) is null
                    && (Negations.Contains(chunk[0]) || KeepsKey(chunk + spans[i + 1].Text, spans[i + 1].Text))
                    && Joins(chunk + spans[i + 1].Text, spans[i + 1].Text, characterFirst: true))
                {
                    pieces.Add(chunk + spans[i + 1].Text);
                    i++;
                }
                else if (i > 0 && Touch(i - 1) && pieces.Count > 0 && pieces[^1] == spans[i - 1].Text && KeepsKey(pieces[^1] + chunk, pieces[^1])
                    && Joins(pieces[^1] + chunk, pieces[^1], characterFirst: false))
                {
                    pieces[^1] += chunk;
                }
                else
                {
                    pieces.Add(chunk);
                }

                continue;
            }

            for (var at = 0; at < chunk.Length;)
            {
                var length = chunk.Length - at;
                while (length >= 2 && !Known(chunk.Substring(at, length)))
                {
                    length--;
                }

                length = Math.Max(1, length);
                pieces.Add(chunk.Substring(at, length));
                at += length;
            }

            i = end;
        }

        // A thesaurus key keeps the function character it begins or ends with (过马路, 被处分, 当官的): its terms are what it means.
        return [.. pieces.SelectMany(p => joinKeys && IsKey(thesaurus, p) ? [p] : Trim(p, segmenter.Lexicon))];

        // A thesaurus key takes no character beside it into a longer word that is no key: 找工作 + 难 of 年轻人找工作难怎么办 was
        // joined once one uploaded speech said 找工作难 (every passage holding 找工作 holding it so), and the query lost 就业, the
        // key's term (a review, sixty-eighth session). The character is read on its own, as before the upload. A negation
        // before the key still joins it where Joins says so (不 + 买房: dropped, it would search the opposite).
        bool KeepsKey(string joined, string word) => !joinKeys || !IsKey(thesaurus, word) || IsKey(thesaurus, joined);

        // A separable word with an aspect particle inside (吸过毒, 离了婚, 坐过牢): the word without it, where the lexicon knows it.
        // (A verb and its object that make a thesaurus key with the particle left out, 丢了工作 → 丢工作, are one span already:
        // JoinKeys.)
        string? Separated(int i)
        {
            if (i + 2 >= spans.Count || !Loose(i) || !Touch(i) || !Touch(i + 1) || spans[i + 2].Kind != WordKind.Han
                || spans[i + 1].Text.Length != 1 || !QueryReading.AspectParticles.Contains(spans[i + 1].Text[0]))
            {
                return null;
            }

            var word = spans[i].Text + spans[i + 2].Text;
            return Loose(i + 2) && segmenter.Lexicon.Contains(word) && found(word) ? word : null;
        }
    }

    /// <summary>A single Chinese character that is no function word: searched only if joined to others or read alone by the thesaurus.</summary>
    /// <summary>Whether a word (match form) holds a Chinese character, not letters and digits alone (covid19).</summary>
    private static bool HasHan(string word) => word.Any(HanRuns.IsHan);

    private static bool IsLoose(WordSpan span) => span is { Kind: WordKind.Han, Text.Length: 1 } && !QueryStopWords.Contains(span.Text);

    /// <summary>
    /// A string found in the archive but not in the lexicon may be searched as a word (庄稼, 整村, 当兵) unless a function
    /// character is in it or it repeats one character (讲讲); the callers also ask that the archive hold it mostly whole
    /// (<see cref="WordMatches.MostlyWhole"/>: not 路排 of 公路排水).
    /// </summary>
    private static bool WordLike(string s) => !s.Any(c => NotInWords.Contains(c)) && s.Distinct().Count() > 1;

    /// <summary>Characters that make a string the lexicon does not know a chance meeting, not a word (个事, 上不, 好多, 进来, 修中).</summary>
    private const string NotInWords = "个上不好多了着过的地得是都也还就才又再被把让给对向从在到这那哪么吗呢吧啊中来";

    /// <summary>At least this many passages must hold a lone character with the word beside it for the two to be joined.</summary>
    private const int MinJoined = 3;

    /// <summary>
    /// A query whose every run, of at least <see cref="SaidAsWrittenLength"/> characters, is held as typed by this many passages
    /// (one, from <see cref="SaidOnceLength"/> characters) says the texts' own wording: no formulation is read from it as a description (<c>SaidAsWritten</c>).
    /// </summary>
    private const int SaidAsWrittenHolders = 2;

    private const int SaidAsWrittenLength = 5;

    /// <summary>A run this long held as typed by a single passage is the texts' wording too (党的自我革命永远在路上).</summary>
    private const int SaidOnceLength = 8;

    /// <summary>
    /// A run whose first or last this share of characters (and <see cref="SaidOnceLength"/> at least) some passage holds as
    /// typed is the texts' wording with a word changed (以人民为中心的发展理念: 以人民为中心的发展, 9 of 11).
    /// </summary>
    private const double MostlySaidShare = 0.75;

    /// <summary>Characters that negate the word after them (<c>Joins</c>).</summary>
    private const string Negations = "不没无非未";

    /// <summary>
    /// Whether a piece of a word is no part of its meaning: a potential complement (不起, 得起 of 请不起律师), or, on the left, a
    /// negation cut off from what it negates (看不 of 看不起病, 吃不 of 吃不饱饭), held only inside other words (看不到, 看不清).
    /// </summary>
    private static bool NoPart(string piece, bool isLeft) =>
        piece is CanAfford or CannotAfford || (isLeft && piece.Length > 1 && piece[^1] is '不' or '没');

    /// <summary>
    /// <paramref name="word"/> without the potential complement inside it (买不起房 → 买房, 看得起病 → 看病), or null where it holds
    /// none between two characters: what its parts are read from, so neither 不, 得 nor 起 is searched for it.
    /// </summary>
    private static string? WithoutPotential(string word) =>
        PotentialsIn(word).Select(at => word.Remove(at, PotentialLength)).FirstOrDefault();

    /// <summary>Where a potential complement (<see cref="CanAfford"/>, <see cref="CannotAfford"/>) stands in <paramref name="text"/> between two characters, left to right.</summary>
    private static IEnumerable<int> PotentialsIn(string text)
    {
        for (var at = 1; at + PotentialLength < text.Length; at++)
        {
            if (string.CompareOrdinal(text, at, CanAfford, 0, PotentialLength) == 0 || string.CompareOrdinal(text, at, CannotAfford, 0, PotentialLength) == 0)
            {
                yield return at;
            }
        }
    }

    /// <summary>The longest thesaurus key a run of spans spells, at most this many characters.</summary>
    private const int MaxKeyLength = 6;

    /// <summary>
    /// Spans that together spell a thesaurus key, a single character among them, made one (穷 + 人 → 穷人, 深 + 山 → 深山): an
    /// everyday word the lexicon does not know, which a function character inside it (人) would otherwise keep apart; and
    /// single characters that spell a term of function characters (应 + 对 → 应对: <see cref="QueryStopWords.IsTerm"/>), with
    /// or without a thesaurus (the plain baseline and a search without expansions pass none); and spans that spell a key with
    /// an aspect particle, 完 or 完了 left out (丢了工作 → 丢工作, 出了事 → 出事, 在国外念完书 → 在国外念书: <see cref="Unparted"/>).
    /// Greedy from the left: 只有他人才能办 reads 他人, not 他 + 人才.
    /// </summary>
    private static List<WordSpan> JoinKeys(List<WordSpan> spans, Thesaurus? thesaurus, Func<string, bool> held)
    {
        var joined = new List<WordSpan>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            var best = i;
            string? bestText = null;
            var length = spans[i].Text.Length;
            for (var j = i + 1; j < spans.Count && spans[j].Start == spans[j - 1].End && spans[j].Kind == WordKind.Han; j++)
            {
                length += spans[j].Text.Length;
                if (length > MaxKeyLength + MaxInfixLength)
                {
                    break;
                }

                var run = spans.GetRange(i, j - i + 1);
                var text = string.Concat(run.Select(x => x.Text));
                if (length <= MaxKeyLength && ((run.Any(x => x.Text.Length == 1) && IsKey(thesaurus, text))
                    || (run.All(x => x.Text.Length == 1) && QueryStopWords.IsTerm(text))))
                {
                    (best, bestText) = (j, text);
                }
                else if (thesaurus is not null && Unparted(run, thesaurus, held) is { } key)
                {
                    (best, bestText) = (j, key);
                }
            }

            if (best == i || spans[i].Kind != WordKind.Han)
            {
                joined.Add(spans[i]);
                continue;
            }

            // The span covers what the query says; its text is the key, shorter than those offsets where a particle was left out.
            joined.Add(new WordSpan(spans[i].Start, spans[best].End, bestText!, WordKind.Han));
            i = best;
        }

        return joined;
    }

    /// <summary>
    /// <paramref name="spans"/> (keys joined: <see cref="JoinKeys"/>) cut again where a thesaurus key the lexicon does not know
    /// runs from loose characters into the word after them, leaving the last character of that word over: 洋 | 货运 →
    /// 洋货 | 运, 乡 | 下来 → 乡下 | 来, 怕 | 担 | 责任 → 怕担责 | 任; or null where nothing is cut. The segmenter weighs only the
    /// lexicon's words, so an everyday key it has never seen loses to any word that happens to overlap it; the key is what the
    /// query says (its terms are what it means), and the loose characters would otherwise be dropped. Loose characters are
    /// single characters that are neither function words (过 | 马路边 stays) nor keys of their own (偷 is read alone, so
    /// 偷 | 电线 stays), left loose by <see cref="JoinKeys"/> (老 + 赖 → 老赖, not 老 | 赖账 | 户); the fewest of them nearest
    /// the word are tried first, and the character left over may begin the next key. The word is not cut where it is a key or
    /// a listed term itself (炒 | 股市 stays; what <see cref="JoinKeys"/> made is one or the other) or the lexicon knows the key
    /// (the segmenter weighed it), nor from its other end (退赔 | 钱, not 退 | 赔钱).
    /// </summary>
    private static List<WordSpan>? Recut(List<WordSpan> spans, Thesaurus? thesaurus, Lexicon lexicon)
    {
        if (thesaurus is null)
        {
            return null;
        }

        var cut = new List<WordSpan>(spans);
        bool Bound(int i) => IsLoose(cut[i]) && !IsKey(thesaurus, cut[i].Text);
        bool Touch(int i) => cut[i].Kind == WordKind.Han && cut[i + 1].Kind == WordKind.Han && cut[i].End == cut[i + 1].Start;

        var changed = false;
        for (var i = 0; i + 1 < cut.Count; i++)
        {
            var word = cut[i + 1];
            if (word.Text.Length < 2 || IsKey(thesaurus, word.Text) || QueryStopWords.IsTerm(word.Text))
            {
                continue;
            }

            // Loose characters cut[from..i], then the word less its last character.
            for (var from = i; from >= 0 && Bound(from) && Touch(from); from--)
            {
                var key = string.Concat(cut.Skip(from).Take(i - from + 1).Select(s => s.Text)) + word.Text[..^1];
                if (key.Length <= MaxKeyLength && !lexicon.Contains(key) && IsKey(thesaurus, key))
                {
                    var start = cut[from].Start;
                    cut.RemoveRange(from, i - from + 2);
                    cut.InsertRange(from, [new WordSpan(start, word.End - 1, key, WordKind.Han), new WordSpan(word.End - 1, word.End, word.Text[^1..], WordKind.Han)]);
                    (i, changed) = (from, true); // the character left over is looked at next
                    break;
                }
            }
        }

        return changed ? cut : null;
    }

    /// <summary>
    /// The thesaurus key <paramref name="run"/> spells with one aspect particle, 完 or 完了 inside it left out (出了事 → 出事,
    /// 在国外念完书 → 在国外念书, 走了过场 → 走过场, 念完了书 → 念书), or with a potential complement (看得起病 → 看不起病:
    /// <see cref="UnpartedPotential"/>), or null when it spells none: a verb parted from its object the
    /// way people say it. A key whose object is two characters or more (丢了工作, 签了合同) only where no passage holds it as
    /// written, as a verb and any word after it are most often just that (有了工作), and a key some passage holds may be held
    /// across words (签合同 of 代签 | 合同), which the verb and the object apart do not meet.
    /// </summary>
    private static string? Unparted(List<WordSpan> run, Thesaurus thesaurus, Func<string, bool> held)
    {
        for (var k = 1; k < run.Count - 1; k++)
        {
            for (var end = k; end < run.Count - 1 && end < k + MaxInfixLength; end++) // an infix is at most one span per character
            {
                if (!KeyInfixes.Contains(string.Concat(run.Skip(k).Take(end - k + 1).Select(x => x.Text))))
                {
                    continue;
                }

                var key = string.Concat(run.Take(k).Concat(run.Skip(end + 1)).Select(x => x.Text));
                var objectLength = run.Skip(end + 1).Sum(x => x.Text.Length);
                if (key.Length <= MaxKeyLength && IsKey(thesaurus, key) && (objectLength == 1 || !held(key)))
                {
                    return key;
                }
            }
        }

        return UnpartedPotential(string.Concat(run.Select(x => x.Text)), thesaurus, held);
    }

    /// <summary>
    /// The thesaurus key <paramref name="text"/> spells with a potential complement inside it (看得起病, 上得起学, 买得起房):
    /// said with 不起, as people complain of it and the thesaurus lists it (看不起病 → 看病贵, 医疗保障), else without it (吃不起药 →
    /// 吃药 where only that is a key), under <see cref="Unparted"/>'s rule for an object of two characters or more; or null.
    /// Read by characters, not spans: the segmenter joins the complement to either side (看得 | 起 | 病, 上 | 得起 | 学).
    /// </summary>
    private static string? UnpartedPotential(string text, Thesaurus thesaurus, Func<string, bool> held)
    {
        foreach (var at in PotentialsIn(text))
        {
            var (verb, objectText) = (text[..at], text[(at + PotentialLength)..]);
            if (verb + CannotAfford + objectText is var said && said.Length <= MaxKeyLength && IsKey(thesaurus, said))
            {
                return said;
            }

            var key = verb + objectText;
            if (key.Length <= MaxKeyLength && IsKey(thesaurus, key) && (objectText.Length == 1 || !held(key)))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The potential complements <see cref="UnpartedPotential"/> reads inside a key: able to afford, and not.</summary>
    private const string CanAfford = "得起", CannotAfford = "不起";

    /// <summary>The length of <see cref="CanAfford"/> and <see cref="CannotAfford"/>.</summary>
    private const int PotentialLength = 2;

    /// <summary>What may stand inside a thesaurus key as people say it: an aspect particle, 完 of a finished action, or both (念完了书).</summary>
    private static readonly string[] KeyInfixes = [.. QueryReading.AspectParticles.Select(c => c.ToString()), "完", "完了"];

    /// <summary>The longest of <see cref="KeyInfixes"/>: how much longer than a key a run spelling it may be.</summary>
    private static readonly int MaxInfixLength = KeyInfixes.Max(i => i.Length);

    /// <summary>
    /// A thesaurus key the segmenter cuts into words (劳保 | 用品, 双倍 | 工资; within one run), which
    /// <see cref="JoinKeys"/> leaves apart so the query keeps a slot for each word: the key's terms (劳动防护用品, 二倍的工资)
    /// are added to each of its words of two characters or more that is not a function word, so a passage saying the key as
    /// the texts do counts for all of them. Collected in <paramref name="lent"/> by word, and the keys with those words in
    /// <paramref name="keys"/>.
    /// </summary>
    private static void LendKeyTerms(List<string> pieces, Thesaurus thesaurus, Dictionary<string, List<string>> lent, List<(QueryExpansion Key, List<string> Pieces)> keys)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            var text = pieces[i];
            for (var j = i + 1; j < pieces.Count && text.Length + pieces[j].Length <= MaxLentKeyLength; j++)
            {
                text += pieces[j];
                if (thesaurus.RelatedTo(text) is not [_, ..] terms)
                {
                    continue;
                }

                var words = pieces.GetRange(i, j - i + 1).Where(p => p.Length > 1 && !QueryStopWords.Contains(p)).ToList();
                keys.Add((new QueryExpansion(text, terms), words));
                foreach (var word in words)
                {
                    if (!lent.TryGetValue(word, out var list))
                    {
                        lent[word] = list = [];
                    }

                    list.AddRange(terms.Where(t => !list.Contains(t)));
                }
            }
        }
    }

    /// <summary>The longest thesaurus key of several words that lends them its terms (不敢腐不能腐不想腐), in characters.</summary>
    private const int MaxLentKeyLength = 9;

    /// <summary>Whether <paramref name="text"/> is a key of the thesaurus (none: never).</summary>
    private static bool IsKey(Thesaurus? thesaurus, string text) => (thesaurus?.RelatedTo(text).Count ?? 0) > 0;

    /// <summary>
    /// A learned word that begins or ends with a function character (给企业, 都能, 得起) is searched without it: the lexicon
    /// learns such strings from laws and reports, but a query means the word inside.
    /// </summary>
    private static IEnumerable<string> Trim(string piece, Lexicon lexicon)
    {
        if (piece.Length < 2 || QueryStopWords.Contains(piece) || QueryStopWords.IsTerm(piece))
        {
            return [piece];
        }

        if (piece.All(c => QueryStopWords.Contains(c.ToString())))
        {
            return piece.Select(c => c.ToString()); // 都能: function characters only (a term, 所有人 or 应对, is kept above)
        }

        if (QueryStopWords.Split(piece) is { } listed && (listed.Any(QueryStopWords.IsQuestionWord) || listed.All(w => w.Length > 1)))
        {
            // 有什么, 需要进一步, 这种情况: a question word, or listed words of two characters or more, learned as one string
            // (not 专门人才's 人, 才)
            return listed;
        }

        var (start, end) = (0, piece.Length);
        if (Clinging.Contains(piece[0]) && lexicon.Contains(piece[1..]) && piece.Length > 2)
        {
            start = 1;
        }

        if (end - start > 2 && Clinging.Contains(piece[^1]) && lexicon.Contains(piece[start..^1]))
        {
            end--;
        }

        return (start, end) == (0, piece.Length) ? [piece] : [.. piece[..start].Select(c => c.ToString()), piece[start..end], .. piece[end..].Select(c => c.ToString())];
    }

    /// <summary>The share of a word's passages that must hold it with a lone character beside it for the two to be searched as one word.</summary>
    private const double JoinShare = 0.3;

    /// <summary>Function characters that cling to a word in learned strings (给企业, 的权力) without making a word with it.</summary>
    private const string Clinging = "的了给让被把都得地着过向";

    private static QueryWord Word(string form) => new(form, false, form);

    /// <summary>
    /// <paramref name="text"/> with each word asked both ways, a yes-or-no question (管不管, 同意不同意; 合不合理 of 合理 and
    /// 买不买房 of 买房, where <paramref name="isWord"/> says the two characters are a lexicon word or a thesaurus key and the
    /// second does not make one with the character after it), replaced by the word asked about once, read apart from its
    /// neighbours (a word of one character is then dropped like any: 管); the wholes are added to <paramref name="asked"/>.
    /// One listed (是不是, 可不可以 and 需不需要 as question words, 会不会, 好不好 and 时不时 as fillers) is taken out whole and
    /// added to <paramref name="listed"/> (the query's dropped words).
    /// </summary>
    private static string AskedOnce(string text, Func<string, bool> isWord, List<string> asked, List<string> listed)
    {
        var match = AskedBothWays().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var read = new StringBuilder(text.Length);
        var at = 0;
        for (; match.Success; match = AskedBothWays().Match(text, at))
        {
            var (word, end) = (match.Groups[1].Value, match.Index + match.Length);
            if (word.Length == 1 && end < text.Length && isWord(word + text[end]) && !(end + 1 < text.Length && isWord(text.Substring(end, 2))))
            {
                (word, end) = (word + text[end], end + 1); // A不AB: 合不合理 asks about 合理 (not 去不去年会: 年会)
            }

            if (!QueryStopWords.Contains(text[match.Index..end]) && QueryStopWords.Contains(match.Value))
            {
                end = match.Index + match.Length; // 是不是 of 是不是真的
            }

            var whole = text[match.Index..end];
            read.Append(text, at, match.Index - at).Append(MatchText.Break);
            if (QueryStopWords.Contains(whole))
            {
                listed.Add(whole); // dropped whole, not segmented into 好 + 不好 (好不好看)
            }
            else
            {
                asked.Add(whole);
                read.Append(word).Append(MatchText.Break);
            }

            at = end;
        }

        return read.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>
    /// The words of <paramref name="text"/> as <paramref name="words"/> cuts them, each of the <paramref name="kept"/> spans
    /// (start, length; ascending, apart) kept one word: a year (1958年, 一九五八年, 二〇一九年), which the segmenter would cut where
    /// the archive's words happen to (二〇一 | 九年), and a question word asking when (<see cref="QueryStopWords.QuestionWordsIn"/>:
    /// the lexicon cut 是哪一年开始 as 哪一 | 年开始, and the question went unnoticed, read as a statement with formulations near
    /// 哪一 and 开始: 十一届三中全会, 文化大革命).
    /// </summary>
    private static List<string> KeptApart(string text, IEnumerable<(int Start, int Length)> kept, Func<string, List<string>> words)
    {
        var result = new List<string>();
        var at = 0;
        foreach (var (start, length) in kept)
        {
            if (start > at)
            {
                result.AddRange(words(text[at..start]));
            }

            result.Add(text.Substring(start, length));
            at = start + length;
        }

        if (at < text.Length)
        {
            result.AddRange(words(text[at..]));
        }

        return result;
    }

    /// <summary>Where <paramref name="text"/> holds a year (<see cref="Year"/>), ascending.</summary>
    private static IEnumerable<(int Start, int Length)> YearsIn(string text) => Year().Matches(text).Select(m => (m.Index, m.Length));

    private const string Numerals = "〇一二三四五六七八九";

    /// <summary>
    /// The other ways a year is written (match forms): 1958年 → 一九五八年; 一九五〇年 → 1950年 and 一九五零年; 二〇一九年 → 2019年 and
    /// 二零一九年. The archive's older texts write years in numerals (about 1,000 times in the shared sets, against 12,800 in
    /// digits), and a search for one form finds the other (<see cref="Read"/>). None for any other word.
    /// </summary>
    internal static IEnumerable<string> YearForms(string word)
    {
        if (Year().Match(word) is not { Success: true } year || year.Length != word.Length)
        {
            yield break;
        }

        var digits = string.Concat(word[..4].Select(c => char.IsAsciiDigit(c) ? c : (char)('0' + (c == '零' ? 0 : Numerals.IndexOf(c)))));
        var numerals = string.Concat(digits.Select(d => Numerals[d - '0']));
        foreach (var form in new[] { digits + "年", numerals + "年", numerals.Replace('〇', '零') + "年" }.Distinct())
        {
            if (form != word)
            {
                yield return form;
            }
        }
    }

    /// <summary>A year from 1600 to 2099 in digits or in Chinese numerals (〇 or 零 for nought), with 年, not inside a longer number.</summary>
    [GeneratedRegex(@"(?<![0-9〇零一二三四五六七八九十])(?:(?:1[6-9]|20)[0-9]{2}|(?:一[六七八九]|二[〇零])[〇零一二三四五六七八九]{2})年")]
    private static partial Regex Year();

    /// <summary>A query of single characters this long or shorter, held together by no passage, is a word the archive does not hold (a name), not characters to search apart.</summary>
    internal const int MaxUnheldName = 4;

    /// <summary>A word of one or two characters asked both ways (管不管, 同意不同意); the word is group 1.</summary>
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs}{1,2})不\1")]
    private static partial Regex AskedBothWays();
}
