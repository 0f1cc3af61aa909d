using System.Globalization;
using System.Text.Json;
using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    private static IndexSnapshot Build(IndexStore store)
    {
        var themes = ParseLabels(store.GetMeta("themes"));
        var types = ParseLabels(store.GetMeta("directive_types"));
        var storedSpeeches = store.ReadSpeeches();
        var sectionsBySpeech = store.ReadSections().GroupBy(s => s.SpeechRowId).ToDictionary(g => g.Key, g => g.ToList());
        var storedPassages = store.ReadPassages();

        var speechIndex = new Dictionary<long, int>(storedSpeeches.Count);
        var passageLists = new List<int>[storedSpeeches.Count];
        for (var i = 0; i < storedSpeeches.Count; i++)
        {
            speechIndex[storedSpeeches[i].RowId] = i;
            passageLists[i] = [];
        }

        var orgs = new List<string>();
        var orgIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var themeBit = themes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var typeBit = types.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        var n = storedPassages.Count;
        var passages = new PassageInfo[n];
        var passageSpeech = new int[n];
        var passageYear = new short[n];
        var passageThemes = new uint[n];
        var passageTypes = new uint[n];
        var passageOrg = new int[n];
        var passageLength = new int[n];
        var denseByRow = new Dictionary<long, int>(n);
        long totalLength = 0;

        var speechOrg = new int[storedSpeeches.Count];
        for (var i = 0; i < storedSpeeches.Count; i++)
        {
            var org = storedSpeeches[i].Organization ?? storedSpeeches[i].Category;
            if (string.IsNullOrWhiteSpace(org))
            {
                speechOrg[i] = -1;
                continue;
            }

            if (!orgIndex.TryGetValue(org, out var o))
            {
                o = orgs.Count;
                orgs.Add(org);
                orgIndex[org] = o;
            }

            speechOrg[i] = o;
        }

        var sectionMatchCache = new Dictionary<(int, int), (string Path, string Match)>();
        for (var d = 0; d < n; d++)
        {
            var sp = storedPassages[d];
            var s = speechIndex[sp.SpeechRowId];
            var speech = storedSpeeches[s];
            var matchText = MatchText.Build(speech.Text, sp.Start, sp.End);
            if (!sectionMatchCache.TryGetValue((s, sp.SectionOrdinal), out var section))
            {
                var secs = sectionsBySpeech.TryGetValue(sp.SpeechRowId, out var list) ? list : [];
                var path = string.Join(" › ", Indexing.StoredStructure.SectionPath(secs, sp.SectionOrdinal, x => (x.Ordinal, x.Parent, x.Heading)));
                section = (path, MatchText.Build(path, 0, path.Length));
                sectionMatchCache[(s, sp.SectionOrdinal)] = section;
            }

            var themeIds = SplitList(sp.Themes);
            var typeIds = SplitList(sp.DirectiveTypes);
            passages[d] = new PassageInfo
            {
                Id = speech.PublicId + ":" + (sp.Ordinal + 1).ToString(CultureInfo.InvariantCulture),
                Speech = s,
                Ordinal = sp.Ordinal,
                SectionOrdinal = sp.SectionOrdinal,
                SectionPath = section.Path,
                PointLabel = sp.PointLabel,
                Start = sp.Start,
                End = sp.End,
                Themes = themeIds,
                DirectiveTypes = typeIds,
                Sentences = ParseSentences(sp.Sentences),
                MatchText = matchText,
                SectionMatch = section.Match,
            };
            passageSpeech[d] = s;
            passageYear[d] = (short)(speech.Year ?? 0);
            passageThemes[d] = Mask(themeIds, themeBit);
            passageTypes[d] = Mask(typeIds, typeBit);
            passageOrg[d] = speechOrg[s];
            passageLength[d] = Math.Max(1, matchText.Length);
            totalLength += passageLength[d];
            denseByRow[sp.RowId] = d;
            passageLists[s].Add(d);
        }

        var speeches = new SpeechInfo[storedSpeeches.Count];
        for (var i = 0; i < speeches.Length; i++)
        {
            var st = storedSpeeches[i];
            var title = st.Title ?? st.PublicId;
            speeches[i] = new SpeechInfo
            {
                Id = st.PublicId,
                FileKey = st.FileKey,
                Title = title,
                Date = st.Date,
                Year = st.Year,
                Speaker = st.Speaker,
                Organization = st.Organization,
                Category = st.Category,
                Meeting = st.Meeting,
                Source = st.Source,
                Tags = SplitList(st.Tags),
                Text = st.Text,
                Markdown = st.Markdown,
                Provenance = st.Provenance,
                Warnings = st.Warnings is null ? [] : JsonSerializer.Deserialize<List<string>>(st.Warnings) ?? [],
                ThemeShares = st.ThemeShares is null ? new Dictionary<string, double>() : JsonSerializer.Deserialize<Dictionary<string, double>>(st.ThemeShares) ?? [],
                Sections = sectionsBySpeech.TryGetValue(st.RowId, out var secs)
                    ? secs.Select(x => new SectionInfo(x.Ordinal, x.Level, x.Label, x.Heading, x.HeadingStart, x.HeadingEnd, x.Start, x.End, x.Parent)).ToList()
                    : [],
                Passages = passageLists[i],
                ContentHash = st.ContentHash,
                IndexedAt = st.IndexedAt,
                TitleMatch = MatchText.Build(title, 0, title.Length),
            };
        }

        var snapshot = new IndexSnapshot
        {
            Generation = store.Generation,
            Speeches = speeches,
            Passages = passages,
            Themes = themes,
            DirectiveTypes = types,
            Organizations = orgs,
            IndexDirectory = store.Directory,
            SizeOnDisk = store.SizeOnDisk(),
            PassageSpeech = passageSpeech,
            PassageYear = passageYear,
            PassageThemes = passageThemes,
            PassageTypes = passageTypes,
            PassageOrg = passageOrg,
            PassageLength = passageLength,
            AverageLength = n == 0 ? 1 : (double)totalLength / n,
            speechById = speeches.Select((sp, i) => (sp.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal),
            passageById = passages.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal),
        };
        snapshot.LoadPostings(store.ReadSegments(), denseByRow);
        return snapshot;
    }

    private void LoadPostings(List<SegmentData> segments, Dictionary<long, int> denseByRow)
    {
        // Two passes over the blobs: count live postings per term, then fill exact-size arrays.
        var counts = new List<int>();
        var currentId = -1;
        foreach (var segment in segments)
        {
            SegmentReader.Read(segment,
                (term, _) => currentId = TermIdOf(term, counts),
                (doc, _) =>
                {
                    if (denseByRow.ContainsKey(doc))
                    {
                        counts[currentId]++;
                    }
                });
        }

        postingDocs = new int[counts.Count][];
        postingTfs = new byte[counts.Count][];
        var fill = new int[counts.Count];
        for (var t = 0; t < counts.Count; t++)
        {
            postingDocs[t] = new int[counts[t]];
            postingTfs[t] = new byte[counts[t]];
        }

        foreach (var segment in segments)
        {
            SegmentReader.Read(segment,
                (term, _) => currentId = TermIdOf(term, null),
                (doc, tf) =>
                {
                    if (denseByRow.TryGetValue(doc, out var dense))
                    {
                        var k = fill[currentId]++;
                        postingDocs[currentId][k] = dense;
                        postingTfs[currentId][k] = (byte)Math.Min(tf, 255);
                    }
                });
        }
    }

    private int TermIdOf(string term, List<int>? counts)
    {
        long key;
        if (TermKey.IsHanText(term))
        {
            key = TermKey.FromHanText(term);
        }
        else
        {
            if (!wordIds.TryGetValue(term, out var w))
            {
                w = wordIds.Count;
                wordIds[term] = w;
            }

            key = TermKey.Word(w);
        }

        if (!termIds.TryGetValue(key, out var id))
        {
            id = termIds.Count;
            termIds[key] = id;
            counts?.Add(0);
        }

        return id;
    }

    private static uint Mask(IReadOnlyList<string> ids, Dictionary<string, int> bits)
    {
        uint mask = 0;
        foreach (var id in ids)
        {
            if (bits.TryGetValue(id, out var bit) && bit < 32)
            {
                mask |= 1u << bit;
            }
        }

        return mask;
    }

    internal static IReadOnlyList<string> SplitList(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IReadOnlyList<(int Start, int End, string? Type)> ParseSentences(string compact)
    {
        if (string.IsNullOrEmpty(compact))
        {
            return [];
        }

        var parts = compact.Split(';');
        var list = new (int, int, string?)[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var f = parts[i].Split(',');
            list[i] = (int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), f.Length > 2 && f[2].Length > 0 ? f[2] : null);
        }

        return list;
    }
}
