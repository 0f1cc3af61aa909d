using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// Near matching's shortcuts — candidates by WAND, or from the passages they must be among, instead of adding every
/// posting; no alignment of a candidate that cannot reach the similarity a near match needs — give exactly what the
/// exhaustive pass gives.
/// </summary>
public sealed partial class FastPathPropertyTests
{
    [Fact]
    public void WhenFindingBigramCandidates_ShouldGiveWhatAddingEveryPostingGives()
    {
        var snapshot = fixture.Snapshot;
        var cases = Probes(snapshot)
            .Zip(Gen.Elements(1, 5, 40, 120, 120, 500).Zip(Gen.Elements(0.1, 0.2, 0.25, 0.25, 0.3, 0.6, 0.9)))
            .Zip(Gen.Elements(0, 0, 2, 7));

        PropertyRuns.Check(cases, c =>
        {
            var ((probe, (limit, fraction)), modulus) = c;
            var keys = BigramCandidates.KeysOf(probe);
            Func<int, bool>? accept = modulus == 0 ? null : d => d % modulus != 1;

            var expected = BigramCandidates.Top(snapshot, keys, limit, fraction, accept, exhaustive: true);
            Assert.Equal(expected, BigramCandidates.Top(snapshot, keys, limit, fraction, accept));
        }, cases: 300);
    }

    [Fact]
    public void WhenCandidatesAreAmongGivenPassages_ShouldGiveWhatAddingEveryPostingGives()
    {
        var snapshot = fixture.Snapshot;
        var cases = Probes(snapshot)
            .Zip(Gen.Elements(1, 40, 120, 500).Zip(Gen.Elements(0.1, 0.25, 0.6)))
            .Zip(Gen.Elements(3, 50, 400, 5000).Zip(Gen.Choose(0, 2)));

        PropertyRuns.Check(cases, c =>
        {
            var ((probe, (limit, fraction)), (spacing, offset)) = c;
            var keys = BigramCandidates.KeysOf(probe);
            var within = Enumerable.Range(0, snapshot.Passages.Count).Where(d => d % spacing == offset).ToArray();
            bool Accept(int doc) => doc % spacing == offset && doc % 7 != 1;

            var expected = BigramCandidates.Top(snapshot, keys, limit, fraction, Accept, exhaustive: true);
            Assert.Equal(expected, BigramCandidates.Top(snapshot, keys, limit, fraction, Accept, within: within));
        }, cases: 300);
    }

    [Fact]
    public void WhenFindingNearMatches_ShouldGiveWhatTheExhaustivePassGives()
    {
        var snapshot = fixture.Snapshot;
        var options = NearMatchOptions.Default;
        var cases = Probes(snapshot).Zip(Gen.Elements(0, 0, 3));

        PropertyRuns.Check(cases, c =>
        {
            var (probe, modulus) = c;
            var variants = Thesaurus.Default.Substitutions(probe, options.MaxVariants);
            bool Accept(int doc) => modulus == 0 || doc % modulus != 0;

            var expected = NearMatcher.Find(snapshot, probe, variants, Accept, options, exhaustive: true);
            Assert.Equal(expected, NearMatcher.Find(snapshot, probe, variants, Accept, options));
        }, cases: 150);
    }

    [Fact]
    public void WhenSearchingClauses_ShouldGiveWhatTheExhaustivePassGives()
    {
        var fast = new Searcher(fixture.Snapshot, QueryUnderstanding.Default);
        var reference = new Searcher(fixture.Snapshot, QueryUnderstanding.Default) { Exhaustive = true };
        var clauses = Gen.OneOf(
            Gen.Elements("坚持以习近平新时代中国特色社会主义思想为指导", "推动全面从严治党向纵深发展", "巩固发展反腐败斗争压倒性胜利", "加快建设社会主义现代化国家",
                "全面从严治党永远在路上", "在路上全面从严治党", "党风廉政建设和反腐败斗争"),
            Probes(fixture.Snapshot).Where(p => p.Length >= 6 && p.All(ch => TextNormalizer.KindOf(ch) == CharKind.Cjk)));
        var requests = clauses.Zip(Gen.Elements(false, false, true)).Zip(Gen.Elements(0, 0, 7)).Zip(Gen.Elements(10, 10, 3, 50),
            (r, limit) => new SearchRequest { Query = r.Item1.Item1, GroupBySpeech = r.Item1.Item2, Offset = r.Item2, Limit = limit });

        PropertyRuns.Check(requests, request =>
        {
            Assert.Equal(Answer(reference, request), Answer(fast, request));
        }, cases: 60);
    }

    /// <summary>
    /// Clauses as a writer half-remembers them: a stretch of some passage's match text, as it is, with characters dropped or
    /// changed, or with its halves swapped.
    /// </summary>
    private static Gen<string> Probes(IndexSnapshot index)
    {
        var texts = Enumerable.Range(0, index.Passages.Count).Where(d => d % 7 == 0).Select(d => index.Passages[d].MatchText)
            .Where(t => t.Length >= 8).ToArray();
        var stretch = Gen.Elements(texts).SelectMany(t => Gen.Choose(0, t.Length - 4).SelectMany(start =>
            Gen.Choose(4, Math.Min(40, t.Length - start)).Select(n => t.Substring(start, n).Replace(MatchText.Break.ToString(), "", StringComparison.Ordinal))));
        return stretch.Zip(Gen.Elements(0, 1, 2, 3)).Zip(Gen.Choose(0, 1000), (s, seed) =>
        {
            var (text, edit) = s;
            if (text.Length < 4)
            {
                return text;
            }

            var at = seed % text.Length;
            return edit switch
            {
                1 => text.Remove(at, 1),
                2 => text[..at] + "的" + text[(at + 1)..],
                3 => text[(text.Length / 2)..] + text[..(text.Length / 2)],
                _ => text,
            };
        });
    }
}
