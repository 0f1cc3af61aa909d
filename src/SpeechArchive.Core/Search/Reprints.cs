using System.Buffers;
using System.Runtime.CompilerServices;

namespace SpeechArchive.Search;

/// <summary>
/// Passages printed more than once: the same text (match form, at least <see cref="MinLength"/> characters) in two places or
/// more, such as a speech that two sources published (xi-2020 holds six such pairs) or a clause that many laws repeat. A
/// search shows each such group once, at its best-ranked passage, with the others listed under it (<see cref="Fold"/>;
/// Elasticsearch calls this field collapsing), and a twin speech's passage that its other source cut at other places
/// (<see cref="WithNearTwins"/>). Totals and facets still count every passage. The concordance marks a row of a reprint or
/// of a twin speech 重复 by them. Built once per snapshot by <see cref="SearchStructures"/>.
/// </summary>
internal sealed class Reprints
{
    /// <summary>The shortest match form that counts: shorter repeated passages (同志们, 谢谢大家) are formulae, not reprints.</summary>
    public const int MinLength = 20;

    /// <summary>Per passage, its group (0 up to <see cref="Groups"/>), or −1 when its text is printed once.</summary>
    private readonly int[] groupOf;

    /// <summary>Each group's passages in passage order, group after group: group g's are from <c>starts[g]</c> to <c>starts[g + 1]</c>.</summary>
    private readonly int[] members;
    private readonly int[] starts;

    /// <summary>Every passage in a group, sorted, and beside each its group.</summary>
    private readonly int[] grouped;
    private readonly int[] groupedGroups;

    /// <summary>The grouped passages' rows, in <see cref="grouped"/>'s order (copied on the first filtered count, read in sequence).</summary>
    private PassageRow[]? groupedRows;

    /// <summary>Per speech, the first speech of the twins it is one of (<see cref="FoldSpeeches"/>), or −1 when it has none.</summary>
    private readonly int[] twinsOf;

    /// <summary>
    /// A text printed in more places than this (a clause many laws repeat, 本规定自公布之日起施行) says nothing of which
    /// speeches are one speech printed twice.
    /// </summary>
    private const int MaxTwinGroup = 8;

    private Reprints(int[] groupOf, int[] members, int[] starts, int[] twinsOf)
    {
        this.groupOf = groupOf;
        this.members = members;
        this.starts = starts;
        this.twinsOf = twinsOf;
        grouped = [.. members];
        Array.Sort(grouped);
        groupedGroups = [.. grouped.Select(d => groupOf[d])];
    }

    /// <summary>How many texts are printed more than once.</summary>
    public int Groups => starts.Length - 1;

    /// <summary>How many passages repeat an earlier one's text (each group's passages but its first).</summary>
    public int Repeats => grouped.Length - Groups;

    /// <summary>The passages holding the same text as <paramref name="doc"/> (or a twin's cut of it), itself included, in passage order; empty when it is printed once.</summary>
    public ReadOnlySpan<int> Members(int doc) => groupOf[doc] is var g and >= 0 ? members.AsSpan(starts[g], starts[g + 1] - starts[g]) : [];

    /// <summary>The group of <paramref name="doc"/> (the same number for every passage printing its text), or −1.</summary>
    public int GroupOf(int doc) => groupOf[doc];

    /// <summary>The first speech of the twins <paramref name="speech"/> is one of (one speech printed twice: <see cref="FoldSpeeches"/>), the same for each of them; −1 when it has none.</summary>
    public int TwinsOf(int speech) => twinsOf[speech];

    /// <summary>
    /// How many of the passages in <paramref name="lists"/> (each sorted, no passage in two; null: every passage) that pass
    /// <paramref name="filters"/> print a text that another of them prints too, each text but once: what folding takes out of
    /// a search's counted hits, whatever order they rank in (a text printed k times among them is shown once, with k − 1 under
    /// it). Reads only the grouped passages among them, found by galloping through the longer of a list and the grouped
    /// passages, and their rows from a copy in their order, made from <paramref name="rows"/> (the snapshot's) on the first
    /// filtered count.
    /// </summary>
    public int RepeatsAmong(IReadOnlyList<int[]>? lists, ResolvedFilters filters, PassageRow[] rows)
    {
        if (lists is null && filters.IsEmpty)
        {
            return Repeats;
        }

        var rowsInOrder = filters.IsEmpty ? null
            : LazyInitializer.EnsureInitialized(ref groupedRows, () => [.. grouped.Select(d => rows[d])]);
        var perGroup = ArrayPool<int>.Shared.Rent(Groups);
        Array.Clear(perGroup, 0, Groups);
        var repeats = 0;
        if (lists is null)
        {
            for (var at = 0; at < grouped.Length; at++)
            {
                repeats += Count(at, rowsInOrder, filters, perGroup);
            }
        }
        else
        {
            foreach (var docs in lists)
            {
                repeats += CountAmong(docs, rowsInOrder, filters, perGroup);
            }
        }

        ArrayPool<int>.Shared.Return(perGroup);
        return repeats;
    }

    /// <summary>The repeats <paramref name="docs"/> adds to <paramref name="perGroup"/>: its grouped passages, by galloping.</summary>
    private int CountAmong(int[] docs, PassageRow[]? rowsInOrder, ResolvedFilters filters, int[] perGroup)
    {
        var repeats = 0;
        if (docs.Length <= grouped.Length)
        {
            for (int i = 0, at = 0; i < docs.Length && at < grouped.Length; i++)
            {
                at = PostingsMath.Gallop(grouped, at, docs[i]);
                if (at < grouped.Length && grouped[at] == docs[i])
                {
                    repeats += Count(at, rowsInOrder, filters, perGroup);
                }
            }
        }
        else
        {
            for (int at = 0, i = 0; at < grouped.Length && i < docs.Length; at++)
            {
                i = PostingsMath.Gallop(docs, i, grouped[at]);
                if (i < docs.Length && docs[i] == grouped[at])
                {
                    repeats += Count(at, rowsInOrder, filters, perGroup);
                }
            }
        }

        return repeats;
    }

    /// <summary>1 when the grouped passage at <paramref name="at"/> passes the filters and its group already has a counted passage.</summary>
    private int Count(int at, PassageRow[]? rowsInOrder, ResolvedFilters filters, int[] perGroup) =>
        (rowsInOrder is null || filters.Failures(in rowsInOrder[at]) == 0) && perGroup[groupedGroups[at]]++ > 0 ? 1 : 0;

    /// <summary>
    /// <paramref name="ranked"/> (best first) with each passage whose text an earlier one holds taken out and listed under that
    /// one, in rank order; a list without reprints comes back as it is, with no lists.
    /// </summary>
    public List<(int Doc, double Score, int Date, List<int>? Folded)> Fold(IReadOnlyList<(int Doc, double Score, int Date)> ranked) =>
        Fold(ranked, doc => groupOf[doc]);

    /// <summary>
    /// <paramref name="ranked"/> (each speech's best passage, best first) with each speech that is a twin of an earlier one's
    /// (one speech printed twice: with and without a 新华社 dateline) taken out and its passage listed under that one's. Twins
    /// are speeches printing the same texts: half the longer one's passages of <see cref="MinLength"/> characters or more, and
    /// two at least (one when that is all it has), are reprints of the other's. xi-2020's six copies share 2 of 4 to 7 of 10
    /// (each source cut some paragraphs elsewhere); two speeches sharing one paragraph, or a speech quoting six of another's
    /// forty, are not twins.
    /// </summary>
    public List<(int Doc, double Score, int Date, List<int>? Folded)> FoldSpeeches(IReadOnlyList<(int Doc, double Score, int Date)> ranked, Storage.Column<int> passageSpeech) =>
        Fold(ranked, doc => twinsOf[passageSpeech[doc]]);

    private static List<(int Doc, double Score, int Date, List<int>? Folded)> Fold(IReadOnlyList<(int Doc, double Score, int Date)> ranked, Func<int, int> groupOfDoc)
    {
        var kept = new List<(int Doc, double Score, int Date, List<int>? Folded)>(ranked.Count);
        Dictionary<int, int>? keptAt = null; // group → its place in kept
        foreach (var (doc, score, date) in ranked)
        {
            var group = groupOfDoc(doc);
            if (group >= 0 && (keptAt ??= []).TryGetValue(group, out var at))
            {
                (kept[at].Folded ?? throw new InvalidOperationException("a kept reprint has a list")).Add(doc);
                continue;
            }

            if (group >= 0)
            {
                keptAt![group] = kept.Count;
            }

            kept.Add((doc, score, date, group >= 0 ? [] : null)); // a subsequence of a best-first list is best first
        }

        return kept;
    }

    /// <summary>
    /// The reprints of <paramref name="index"/>: read from the generation's file beside the index (<see cref="Storage.ReprintFile"/>)
    /// when it is whole, else built (<see cref="Build"/>) and written there for the next process (the CLI's <c>concordance</c>
    /// built them on every run: 150–330 ms); where it cannot be written (a read-only folder, a full disk) they serve as built.
    /// </summary>
    public static Reprints Load(IndexSnapshot index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.RowsDigest is not { } digest || index.IndexDirectory.Length == 0)
        {
            return Build(index);
        }

        var path = Path.Combine(index.IndexDirectory, Storage.ReprintFile.NameFor(index.Generation, digest));
        if (Storage.ReprintFile.Read(path, index.Generation, digest, index.Passages.Count, index.Speeches.Count) is { } stored)
        {
            return new Reprints(GroupOf(stored.Members, stored.Starts, index.Passages.Count), stored.Members, stored.Starts, stored.TwinsOf);
        }

        var built = Build(index);
        try
        {
            Storage.ReprintFile.Write(path, index.Generation, digest, index.Passages.Count, new(built.members, built.starts, built.twinsOf));
            Storage.ReprintFile.DeleteOthers(index.IndexDirectory, index.Generation, Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a read-only folder or a full disk: the groups serve as built, and the next process builds them again
        }

        return built;
    }

    /// <summary>Per passage, its group in <paramref name="members"/> (<paramref name="starts"/> where each begins), or −1.</summary>
    private static int[] GroupOf(int[] members, int[] starts, int passages)
    {
        var groupOf = new int[passages];
        Array.Fill(groupOf, -1);
        for (var g = 0; g + 1 < starts.Length; g++)
        {
            for (var i = starts[g]; i < starts[g + 1]; i++)
            {
                groupOf[members[i]] = g;
            }
        }

        return groupOf;
    }

    /// <summary>
    /// The reprints of <paramref name="index"/>: every passage's match form hashed (in parallel), equal hashes checked character
    /// by character. Stored with the index (<c>Storage/ReprintFile</c>): a change to what this groups changes that file's magic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per snapshot: compiled optimised from the start
    public static Reprints Build(IndexSnapshot index)
    {
        var passages = index.Passages;
        var count = passages.Count;
        var hashes = new ulong[count];
        var sampled = new ulong[count][]; // each passage's sampled runs (SameText), read in the same pass
        Parallel.For(0, count, () => ArrayPool<char>.Shared.Rent(512), (doc, _, buffer) =>
        {
            var text = passages.MatchTextIn(doc, ref buffer);
            hashes[doc] = text.Length >= MinLength ? Hash(text) : 0;
            sampled[doc] = SampledRuns(text);
            return buffer;
        }, buffer => ArrayPool<char>.Shared.Return(buffer));

        var first = new Dictionary<ulong, int>();
        var candidates = new Dictionary<int, List<int>>(); // the first passage of a hash → the later ones
        for (var doc = 0; doc < count; doc++)
        {
            if (hashes[doc] == 0)
            {
                continue;
            }

            if (first.TryAdd(hashes[doc], doc))
            {
                continue;
            }

            var head = first[hashes[doc]];
            if (!candidates.TryGetValue(head, out var later))
            {
                candidates[head] = later = [];
            }

            later.Add(doc);
        }

        var exact = new List<int[]>();
        var (a, b) = (ArrayPool<char>.Shared.Rent(512), ArrayPool<char>.Shared.Rent(512));
        foreach (var (head, later) in candidates.OrderBy(c => c.Key))
        {
            // Equal hashes of unequal texts are split into groups of equal texts (in practice, never).
            var pending = new List<int>(later.Count + 1) { head };
            pending.AddRange(later);
            while (pending.Count > 1)
            {
                var lead = pending[0];
                var same = new List<int> { lead };
                var rest = new List<int>();
                var leadText = passages.MatchTextIn(lead, ref a);
                foreach (var doc in pending.Skip(1))
                {
                    if (passages.MatchTextIn(doc, ref b).SequenceEqual(leadText))
                    {
                        same.Add(doc);
                    }
                    else
                    {
                        rest.Add(doc);
                    }
                }

                if (same.Count > 1)
                {
                    exact.Add([.. same]);
                }

                pending = rest;
            }
        }

        ArrayPool<char>.Shared.Return(a);
        ArrayPool<char>.Shared.Return(b);
        var twinsOf = Twins(index, hashes, exact, sampled);
        var groups = WithNearTwins(index, hashes, exact, twinsOf);
        groups.AddRange(ShortInTwins(index, hashes, twinsOf));
        groups.Sort((x, y) => x[0].CompareTo(y[0]));
        var groupOf = new int[count];
        Array.Fill(groupOf, -1);
        var (members, starts) = (new List<int>(), new List<int> { 0 });
        foreach (var group in groups)
        {
            foreach (var doc in group)
            {
                groupOf[doc] = starts.Count - 1;
            }

            members.AddRange(group);
            starts.Add(members.Count);
        }

        return new Reprints(groupOf, [.. members], [.. starts], twinsOf);
    }

    /// <summary>
    /// <paramref name="exact"/> with the passages of twin speeches that print nearly the same text joined: each source cut the
    /// speech into passages at other places (xi-2020's 抗美援朝 speech, with and without its dateline: 52:7 and 53:7 share 82 %
    /// of their runs of <see cref="ShingleLength"/> characters), so their texts are not equal, but a search showing both shows
    /// the same paragraphs twice. A passage joins the one of its twin that shares the most with it, when that one shares the
    /// most with it too and the two share <see cref="NearTwinShare"/> of their runs (Jaccard). Each group sorted, the groups
    /// in the order of their first passages.
    /// </summary>
    private static List<int[]> WithNearTwins(IndexSnapshot index, ulong[] hashes, List<int[]> exact, int[] twinsOf)
    {
        var passageSpeech = index.PassageSpeech;
        var texts = new UnionFind(hashes.Length);
        foreach (var group in exact)
        {
            foreach (var doc in group.Skip(1))
            {
                texts.Join(group[0], doc);
            }
        }

        // Only passages printed nowhere else as they are: a passage already in a group is shown with its group, and joining
        // groups through a near pair would spread one text to others (a law's enactment note to another law's).
        var grouped = exact.SelectMany(g => g).ToHashSet();
        var bySpeech = new Dictionary<int, List<int>>(); // a twin speech → its passages long enough to count, in no group
        for (var doc = 0; doc < hashes.Length; doc++)
        {
            if (hashes[doc] != 0 && twinsOf[passageSpeech[doc]] >= 0 && !grouped.Contains(doc))
            {
                (bySpeech.TryGetValue(passageSpeech[doc], out var list) ? list : bySpeech[passageSpeech[doc]] = []).Add(doc);
            }
        }

        var pairs = bySpeech.Keys.GroupBy(s => twinsOf[s]).Select(g => g.Order().ToArray())
            .SelectMany(c => c.SelectMany((a, i) => c.Skip(i + 1).Select(b => (A: a, B: b))))
            .Where(p => Contemporary(index, p.A, p.B)).ToList();
        var joins = new System.Collections.Concurrent.ConcurrentBag<(int, int)>();
        Parallel.ForEach(pairs, () => ArrayPool<char>.Shared.Rent(512), (pair, _, buffer) =>
        {
            var (left, right) = (bySpeech[pair.A], bySpeech[pair.B]);
            var leftTexts = left.Select(d => index.Passages.MatchTextIn(d, ref buffer).ToString()).ToArray();
            var rightTexts = right.Select(d => index.Passages.MatchTextIn(d, ref buffer).ToString()).ToArray();
            var (leftShingles, rightShingles) = (leftTexts.Select(t => Shingles(t)).ToArray(), rightTexts.Select(t => Shingles(t)).ToArray());
            var share = new double[left.Count, right.Count];
            for (var l = 0; l < left.Count; l++)
            {
                for (var r = 0; r < right.Count; r++)
                {
                    share[l, r] = Jaccard(leftShingles[l], rightShingles[r]);
                }
            }

            for (var l = 0; l < left.Count; l++)
            {
                var best = Enumerable.Range(0, right.Count).MaxBy(r => share[l, r]);
                if (share[l, best] >= NearTwinShare && Enumerable.Range(0, left.Count).MaxBy(k => share[k, best]) == l
                    && LongestCommonRun(leftTexts[l], rightTexts[best]) >= OneRunShare * Math.Max(leftTexts[l].Length, rightTexts[best].Length))
                {
                    joins.Add((left[l], right[best]));
                }
            }

            return buffer;
        }, buffer => ArrayPool<char>.Shared.Return(buffer));

        foreach (var (x, y) in joins)
        {
            texts.Join(x, y);
        }

        return texts.Sets(d => hashes[d] != 0);
    }

    /// <summary>The length of the runs of characters two passages are compared by (<see cref="WithNearTwins"/>).</summary>
    private const int ShingleLength = 4;

    /// <summary>The share of their runs two passages of twin speeches must have in common to be one text (<see cref="WithNearTwins"/>).</summary>
    private const double NearTwinShare = 0.5;

    /// <summary>The share of the longer of two passages of twin speeches that the longest run they share must make (<see cref="WithNearTwins"/>).</summary>
    private const double OneRunShare = 0.6;

    /// <summary>
    /// The passages shorter than <see cref="MinLength"/> that twin speeches print alike (三是坚决整治雁过拔毛式的微腐败。 in two
    /// copies of one speech), grouped: too short to count as reprints anywhere (同志们, 谢谢大家 are formulae), they are the same
    /// passage of the same speech here. Each group holds passages of two speeches or more, sorted.
    /// </summary>
    private static IEnumerable<int[]> ShortInTwins(IndexSnapshot index, ulong[] hashes, int[] twinsOf)
    {
        var passageSpeech = index.PassageSpeech;
        var buffer = ArrayPool<char>.Shared.Rent(64);
        var byText = new Dictionary<(int Twins, string Text), List<int>>();
        for (var doc = 0; doc < hashes.Length; doc++)
        {
            if (hashes[doc] == 0 && twinsOf[passageSpeech[doc]] is var twins and >= 0 && index.Passages.MatchTextIn(doc, ref buffer) is { Length: > 1 } text)
            {
                var key = (twins, text.ToString());
                (byText.TryGetValue(key, out var list) ? list : byText[key] = []).Add(doc);
            }
        }

        ArrayPool<char>.Shared.Return(buffer);
        return byText.Values.Where(g => g.Select(d => passageSpeech[d]).Distinct().Count() > 1).Select(g => g.Order().ToArray());
    }

    /// <summary>
    /// Whether two twin speeches came out within a year of each other: one speech from two sources (xi-2020's 抗击新冠肺炎疫情
    /// 表彰大会 speech, and its reprint five weeks later), whose copies may differ by a word or a mark as well as where they were
    /// cut; not two versions of a law, years apart, whose articles differ by what was amended (…业主同意后… and …业主一致同意后…
    /// are two texts). A speech without a year is not.
    /// </summary>
    private static bool Contemporary(IndexSnapshot index, int a, int b) =>
        index.Speeches[a].Year is { } x && index.Speeches[b].Year is { } y && Math.Abs(x - y) <= 1;

    /// <summary>The length of the longest run of characters both texts hold (dynamic programming, one row kept).</summary>
    private static int LongestCommonRun(string x, string y)
    {
        var row = new int[y.Length + 1];
        var longest = 0;
        for (var i = 1; i <= x.Length; i++)
        {
            var diagonal = 0; // row[j − 1] of the previous row
            for (var j = 1; j <= y.Length; j++)
            {
                var above = row[j];
                row[j] = x[i - 1] == y[j - 1] ? diagonal + 1 : 0;
                longest = Math.Max(longest, row[j]);
                diagonal = above;
            }
        }

        return longest;
    }

    /// <summary>
    /// The pairs of speeches most of whose text is one (<see cref="TwinTextShare"/> of their runs of
    /// <see cref="TextShingleLength"/> characters, by Jaccard), whatever their titles and however each was cut into passages.
    /// Each speech's runs are sampled by their hash (one in <see cref="SampleEvery"/>, the same runs in every speech, so the
    /// samples' Jaccard estimates the texts'); a run sampled in more than <see cref="MaxTwinGroup"/> speeches (a clause many
    /// laws repeat) is left out, and a speech with fewer than <see cref="MinSamples"/> sampled runs is too short to tell.
    /// </summary>
    private static List<(int A, int B)> SameText(IndexSnapshot index, ulong[][] sampledRuns)
    {
        var speeches = index.Speeches.Count;
        var samples = new ulong[speeches][];
        Parallel.For(0, speeches, s =>
        {
            var runs = index.Speeches[s].Passages.SelectMany(doc => sampledRuns[doc]).ToHashSet();
            samples[s] = runs.Count >= MinSamples ? [.. runs] : [];
        });

        var total = samples.Sum(r => r.Length);
        var (keys, owners) = (new ulong[total], new int[total]);
        for (int s = 0, at = 0; s < speeches; s++)
        {
            samples[s].CopyTo(keys, at);
            Array.Fill(owners, s, at, samples[s].Length);
            at += samples[s].Length;
        }

        Array.Sort(keys, owners); // by run; a speech holds a run once
        var shared = new Dictionary<(int, int), int>();
        for (var at = 0; at < total;)
        {
            var end = at;
            while (end < total && keys[end] == keys[at])
            {
                end++;
            }

            if (end - at is > 1 and <= MaxTwinGroup)
            {
                for (var i = at; i < end; i++)
                {
                    for (var j = i + 1; j < end; j++)
                    {
                        var pair = owners[i] < owners[j] ? (owners[i], owners[j]) : (owners[j], owners[i]);
                        shared[pair] = shared.GetValueOrDefault(pair) + 1;
                    }
                }
            }

            at = end;
        }

        return [.. shared.Where(p => (double)p.Value / (samples[p.Key.Item1].Length + samples[p.Key.Item2].Length - p.Value) >= TwinTextShare).Select(p => p.Key)];
    }

    /// <summary>The mixed rolling hashes of the runs of <see cref="TextShingleLength"/> characters of <paramref name="text"/> that are sampled (one in <see cref="SampleEvery"/>, three operations a character).</summary>
    private static ulong[] SampledRuns(ReadOnlySpan<char> text)
    {
        List<ulong>? runs = null;
        var rolling = 0UL;
        for (var i = 0; i < text.Length; i++)
        {
            rolling = (rolling * RollingBase) + text[i];
            if (i >= TextShingleLength)
            {
                rolling -= text[i - TextShingleLength] * RollingOut;
            }

            if (i >= TextShingleLength - 1 && Mixed(rolling) is var hash && hash % SampleEvery == 0)
            {
                (runs ??= []).Add(hash);
            }
        }

        return runs is null ? [] : [.. runs];
    }

    /// <summary>A polynomial hash's low bits follow the characters' low bits alone; sampling reads bits mixed from all of them (a 64-bit finaliser).</summary>
    private static ulong Mixed(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>The rolling hash's base (odd), and its power that takes the character leaving the run out.</summary>
    private const ulong RollingBase = 1099511628211UL;
    private static readonly ulong RollingOut = Enumerable.Repeat(RollingBase, TextShingleLength).Aggregate(1UL, (p, b) => p * b);

    /// <summary>One run in this many is sampled (<see cref="SameText"/>).</summary>
    private const ulong SampleEvery = 16;

    /// <summary>A speech with fewer sampled runs than this (about 130 characters' worth) is too short to tell a twin by (<see cref="SameText"/>).</summary>
    private const int MinSamples = 8;

    /// <summary>The length of the runs of characters two speeches are compared by (<see cref="Twins"/>).</summary>
    private const int TextShingleLength = 8;

    /// <summary>The share of their runs two speeches must have in common to be one speech (<see cref="SameText"/>).</summary>
    private const double TwinTextShare = 0.6;

    private static HashSet<ulong> Shingles(ReadOnlySpan<char> text)
    {
        var set = new HashSet<ulong>();
        for (var i = 0; i + ShingleLength <= text.Length; i++)
        {
            set.Add(Hash(text.Slice(i, ShingleLength)));
        }

        return set;
    }

    private static double Jaccard(HashSet<ulong> x, HashSet<ulong> y)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        var both = small.Count(large.Contains);
        return (double)both / (x.Count + y.Count - both);
    }

    /// <summary>
    /// Per speech, the first speech of its twins, or −1 (<see cref="FoldSpeeches"/>): from the groups of
    /// <see cref="MaxTwinGroup"/> passages or fewer, how many texts each two speeches both print, against how many passages
    /// long enough to count each has.
    /// </summary>
    private static int[] Twins(IndexSnapshot index, ulong[] hashes, List<int[]> exact, ulong[][] sampled)
    {
        var speeches = index.Speeches.Count;
        var passageSpeech = index.PassageSpeech;
        var counted = new int[speeches];
        for (var doc = 0; doc < hashes.Length; doc++)
        {
            counted[passageSpeech[doc]] += hashes[doc] == 0 ? 0 : 1;
        }

        var shared = new Dictionary<(int, int), int>();
        foreach (var group in exact)
        {
            if (group.Length > MaxTwinGroup)
            {
                continue;
            }

            int[] inGroup = [.. group.Select(d => passageSpeech[d]).Distinct().Order()];
            for (var i = 0; i < inGroup.Length; i++)
            {
                for (var j = i + 1; j < inGroup.Length; j++)
                {
                    shared[(inGroup[i], inGroup[j])] = shared.GetValueOrDefault((inGroup[i], inGroup[j])) + 1;
                }
            }
        }

        var twins = new UnionFind(speeches);
        foreach (var ((a, b), both) in shared)
        {
            var longer = Math.Max(counted[a], counted[b]);
            if (both >= Math.Min(2, longer) && both >= 0.5 * longer)
            {
                twins.Join(a, b);
            }
        }

        // One speech that two sources cut into passages at other places prints no passage the other prints as it is (xi-2020's
        // 抗美援朝 speech, with and without its 新华社 dateline; 不忘初心 under two titles): speeches most of whose text is one
        // are twins too, found by runs of their text sampled alike in every speech.
        foreach (var (a, b) in SameText(index, sampled))
        {
            twins.Join(a, b);
        }

        var twinsOf = new int[speeches];
        Array.Fill(twinsOf, -1);
        foreach (var set in twins.Sets(_ => true))
        {
            foreach (var speech in set)
            {
                twinsOf[speech] = set[0];
            }
        }

        return twinsOf;
    }

    /// <summary>
    /// Sets of 0 … count − 1 joined pair by pair (union–find): each set's root is its first member, as a set is joined under the
    /// smaller of two roots.
    /// </summary>
    private sealed class UnionFind(int count)
    {
        private readonly int[] parent = [.. Enumerable.Range(0, count)];

        public int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]]; // halving the path as it goes
            }

            return x;
        }

        public void Join(int x, int y)
        {
            var (rx, ry) = (Find(x), Find(y));
            parent[Math.Max(rx, ry)] = Math.Min(rx, ry);
        }

        /// <summary>The sets holding two or more members <paramref name="included"/>, each ascending, in the order of their first members.</summary>
        public List<int[]> Sets(Func<int, bool> included) =>
            [.. Enumerable.Range(0, parent.Length).Where(included).GroupBy(Find).Where(g => g.Count() > 1).Select(g => g.ToArray())];
    }

    /// <summary>FNV-1a over the characters, 64 bits (never 0: 0 marks a passage too short to count).</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash == 0 ? 1 : hash;
    }
}
