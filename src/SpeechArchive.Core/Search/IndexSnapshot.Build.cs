using System.Globalization;
using System.Text.Json;
using SpeechArchive.Analysis;
using SpeechArchive.Documents;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    /// <summary>Builds the snapshot from <paramref name="store"/>, reading the passages on <paramref name="passageStore"/> meanwhile.</summary>
    private static IndexSnapshot Build(IndexStore store, IndexStore passageStore)
    {
        var stages = new Dictionary<string, double>();
        var lap = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages[stage] = Math.Round(lap.Elapsed.TotalSeconds, 3);
            lap.Restart();
        }

        var themes = ParseLabels(store.GetMeta(MetaKey.Themes));
        var types = ParseLabels(store.GetMeta(MetaKey.DirectiveTypes));
        var (learnedWords, lexiconEdits) = (store.GetMeta(MetaKey.Lexicon), store.GetMeta(MetaKey.LexiconEdits));
        var lexicon = Task.Run(() => Indexing.ArchiveLexicon.Compose(learnedWords, lexiconEdits));
        // The passages' columns file of this generation, when there is one, spares reading every passage row: the second
        // connection then reads the sections, postings and vectors while the first reads the speeches. Else it reads the
        // passage rows while the first reads the rest.
        var generation = store.Generation;
        var separate = !ReferenceEquals(passageStore, store);
        Task<List<StoredPassage>>? passageRows = null;
        Task<(List<StoredSection>, SegmentPostingsFile, (Indexing.MeaningModel? Model, Indexing.StoredPassageVectors? Passages))>? rest = null;
        if (!PassageColumnFile.AnyFor(store.Directory, generation))
        {
            passageRows = separate ? Task.Run(() => passageStore.ReadPassages()) : Task.FromResult(store.ReadPassages());
        }
        else if (separate)
        {
            rest = Task.Run(() => ReadRest(passageStore, generation));
        }

        var storedSpeeches = store.ReadSpeeches(withText: false, withMarkdown: true);
        var digest = GenerationFiles.Digest(storedSpeeches);
        var texts = SpeechTexts.Load(store, storedSpeeches, digest);
        var (storedSections, segments, meaning) = rest?.GetAwaiter().GetResult() ?? ReadRest(store, generation);
        Lap("rows");

        var speechIndex = new Dictionary<long, int>(storedSpeeches.Count);
        for (var i = 0; i < storedSpeeches.Count; i++)
        {
            speechIndex[storedSpeeches[i].RowId] = i;
        }

        // Sections get global ids; a passage points at its innermost section, whose path and match form are built once.
        var sectionsBySpeech = new List<StoredSection>[storedSpeeches.Count];
        var sectionBase = new int[storedSpeeches.Count];
        foreach (var group in storedSections.GroupBy(s => s.SpeechRowId))
        {
            sectionsBySpeech[speechIndex[group.Key]] = group.ToList();
        }

        var sectionCount = 0;
        for (var i = 0; i < storedSpeeches.Count; i++)
        {
            sectionBase[i] = sectionCount;
            sectionCount += sectionsBySpeech[i]?.Count ?? 0;
        }

        var (columns, columnsFromFile) = LoadColumns(new ColumnSource(store, passageStore, passageRows, generation, digest, speechIndex, sectionsBySpeech, sectionBase, texts));
        Lap("columns");

        var sectionPaths = new string[sectionCount];
        var sectionMatches = new string[sectionCount];
        Parallel.For(0, storedSpeeches.Count, i =>
        {
            var secs = sectionsBySpeech[i];
            for (var k = 0; secs is not null && k < secs.Count; k++)
            {
                var path = string.Join(" › ", Indexing.StoredStructure.SectionPath(secs, k, x => (x.Ordinal, x.Parent, x.Heading)));
                sectionPaths[sectionBase[i] + k] = path;
                sectionMatches[sectionBase[i] + k] = MatchText.Build(path, 0, path.Length);
            }
        });

        // The source dimension: each distinct pair of organisation and category label (ids that share a label are one).
        var categoryLabels = CategoryLabels.Parse(store.GetMeta(MetaKey.CategoryLabels), "the index's category labels");
        var sources = new List<(string? Organization, string? Category, SortedSet<string> Ids)>();
        var sourceIndex = new Dictionary<(string?, string?), int>();
        var speechOrg = new int[storedSpeeches.Count];
        var speechCategoryLabel = new string?[storedSpeeches.Count];
        for (var i = 0; i < storedSpeeches.Count; i++)
        {
            var m = storedSpeeches[i].Metadata;
            var category = string.IsNullOrWhiteSpace(m.Category) ? null : m.Category.Trim();
            var organization = string.IsNullOrWhiteSpace(m.Organization) ? null : m.Organization;
            var label = speechCategoryLabel[i] = category is null ? null : categoryLabels.Label(category);
            if (organization is null && label is null)
            {
                speechOrg[i] = -1;
                continue;
            }

            if (!sourceIndex.TryGetValue((organization, label), out var value))
            {
                value = sourceIndex[(organization, label)] = sources.Count;
                sources.Add((organization, label, new SortedSet<string>(StringComparer.Ordinal)));
            }

            if (category is not null)
            {
                sources[value].Ids.Add(category);
            }

            speechOrg[i] = value;
        }

        var themeBit = themes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var typeBit = types.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var speechDate = storedSpeeches.Select(DateKey).ToArray();

        var n = columns.Count;
        var passageSpeech = columns.Speech;
        var passageYear = new short[n];
        var passageDate = new int[n];
        var passageThemes = new uint[n];
        var passageTypes = new uint[n];
        var passageOrg = new int[n];
        var maxRow = n == 0 ? 0 : columns.RowIds[n - 1];
        var denseByRow = new int[maxRow + 1];
        Array.Fill(denseByRow, -1);
        var passageLists = new List<int>[storedSpeeches.Count];
        for (var i = 0; i < passageLists.Length; i++)
        {
            passageLists[i] = [];
        }

        for (var d = 0; d < n; d++)
        {
            denseByRow[columns.RowIds[d]] = d;
            passageLists[passageSpeech[d]].Add(d);
        }

        // The term dictionary is read on one thread while the passages are built on the others.
        var postings = Task.Run(() => IndexPostings(segments, denseByRow));

        // Few distinct label sets exist: each is split and masked once, and a passage holds its index.
        var labelSets = Array.ConvertAll(columns.LabelSets, set => (Themes: SplitList(set.Themes), Types: SplitList(set.Types)));
        var labelMasks = Array.ConvertAll(labelSets, set => (Themes: Mask(set.Themes, themeBit), Types: Mask(set.Types, typeBit)));

        var speeches = new SpeechInfo[storedSpeeches.Count];
        Parallel.For(0, speeches.Length, i =>
        {
            var st = storedSpeeches[i];
            var m = st.Metadata;
            var title = m.Title ?? st.PublicId;
            speeches[i] = new SpeechInfo
            {
                Id = st.PublicId,
                FileKey = st.FileKey,
                Title = title,
                Date = m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Year = st.Year,
                Speaker = m.Speaker,
                Organization = m.Organization,
                Category = m.Category,
                CategoryLabel = speechCategoryLabel[i],
                Meeting = m.Meeting,
                Source = m.Source,
                Tags = m.Tags,
                Texts = texts,
                Position = i,
                Markdown = st.Markdown,
                Provenance = SpeechColumns.Provenance(m),
                Warnings = st.Warnings,
                ThemeShares = st.ThemeShares,
                Sections = sectionsBySpeech[i]?.Select((x, k) => new SectionInfo(x.Ordinal, x.Level, x.Label, x.Heading, x.HeadingStart, x.HeadingEnd, x.Start, x.End, x.Parent) { Path = sectionPaths[sectionBase[i] + k] }).ToList() ?? [],
                Passages = passageLists[i],
                ContentHash = st.ContentHash,
                IndexedAt = st.IndexedAt,
                TitleMatch = MatchText.Build(title, 0, title.Length),
            };
        });

        Parallel.For(0, n, d =>
        {
            var s = passageSpeech[d];
            var (themeMask, typeMask) = labelMasks[columns.LabelSet[d]];
            passageYear[d] = (short)(speeches[s].Year ?? 0);
            passageDate[d] = speechDate[s];
            passageThemes[d] = themeMask;
            passageTypes[d] = typeMask;
            passageOrg[d] = speechOrg[s];
        });

        var passages = new PassageColumns(speeches, n)
        {
            Speech = passageSpeech,
            Ordinal = columns.Ordinal,
            Section = columns.Section,
            Start = columns.Start,
            End = columns.End,
            LabelSet = columns.LabelSet,
            LabelSets = labelSets,
            Point = columns.Point,
            PointLabels = columns.PointLabels,
            SentenceArena = columns.SentenceArena,
            SentenceStarts = columns.SentenceStarts,
            SectionPaths = sectionPaths,
            SectionBase = sectionBase,
        };
        Lap("passages");

        long totalLength = 0;
        foreach (var length in columns.Length.Span)
        {
            totalLength += length;
        }

        var snapshot = new IndexSnapshot
        {
            Generation = store.Generation,
            Speeches = speeches,
            Passages = passages,
            Themes = themes,
            DirectiveTypes = types,
            Sources = sources.ConvertAll(x => new SourceValue(x.Organization, x.Category, x.Ids.ToArray())),
            IndexDirectory = store.Directory,
            SizeOnDisk = store.SizeOnDisk(),
            TaxonomyYaml = store.GetMeta(MetaKey.TaxonomyYaml),
            Lexicon = lexicon.GetAwaiter().GetResult(),
            PassageYear = passageYear,
            PassageDate = passageDate,
            PassageThemes = passageThemes,
            PassageTypes = passageTypes,
            PassageOrg = passageOrg,
            PassageLength = columns.Length,
            ColumnsFromFile = columnsFromFile,
            AverageLength = n == 0 ? 1 : (double)totalLength / n,
            sectionMatches = sectionMatches,
            speechById = speeches.Select((sp, i) => (sp.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal),
        };
        Lap("speeches");
        (snapshot.Meaning, snapshot.storedVectors) = (meaning.Model, meaning.Passages?.For(columns.RowIds.Span));
        Lap("meaning");
        snapshot.postings = postings.GetAwaiter().GetResult();
        Lap("postings");
        snapshot.LoadSeconds = stages;
        return snapshot;
    }

    /// <summary>The sections, the segments' postings (mapped from the generation's postings file) and the meaning model with the passages' stored vectors.</summary>
    private static (List<StoredSection>, SegmentPostingsFile, (Indexing.MeaningModel? Model, Indexing.StoredPassageVectors? Passages)) ReadRest(IndexStore store, long generation) =>
        (store.ReadSections(), SegmentPostingsFile.ReadForGeneration(store, generation), Indexing.ArchiveVectors.Read(store));

    /// <summary>yyyymmdd of the speech's date, or year × 10000 when only the year is known, or 0.</summary>
    private static int DateKey(StoredSpeech s) =>
        s.Metadata.Date is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : (s.Year ?? 0) * 10000;

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
}
