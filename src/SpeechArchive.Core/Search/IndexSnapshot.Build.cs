using System.Globalization;
using System.Text.Json;
using SpeechArchive.Analysis;
using SpeechArchive.Documents;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    /// <summary>
    /// Builds the snapshot from <paramref name="store"/>, reading the passages (or, with the generation's columns file, the
    /// sections and postings) on <paramref name="passageStore"/> meanwhile. A separate <paramref name="passageStore"/> is
    /// Build's to close: after the snapshot is made, it reads the meaning model and the passages' vectors there in the
    /// background (which a search for words does not wait for), then ends its read and closes it.
    /// </summary>
    private static IndexSnapshot Build(IndexStore store, IndexStore passageStore)
    {
        var separate = !ReferenceEquals(passageStore, store);
        var onSecond = new List<Task>(); // what reads on passageStore
        var closesSecond = false;
        try
        {
            return Build(store, passageStore, onSecond.Add, () => closesSecond = true);
        }
        finally
        {
            if (separate && !closesSecond)
            {
                try
                {
                    Task.WaitAll(onSecond); // never close a connection a task still reads
                }
                catch (AggregateException)
                {
                    // the task's failure is Build's own (it waited for it) or moot after another failure
                }

                Close(passageStore);
            }
        }
    }

    /// <summary>Ends a read on <paramref name="store"/> and closes it.</summary>
    private static void Close(IndexStore store)
    {
        try
        {
            store.Rollback();
        }
        finally
        {
            store.Dispose();
        }
    }

    private static IndexSnapshot Build(IndexStore store, IndexStore passageStore, Action<Task> reading, Action handOver)
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
        // connection then reads the postings (and the sections, without the speech rows file) while the first reads the
        // speeches. Else it reads the passage rows while the first reads the rest.
        var generation = store.Generation;
        var separate = !ReferenceEquals(passageStore, store);
        Task<List<StoredPassage>>? passageRows = null;
        Task<SegmentPostings>? postingsOnSecond = null;
        if (!PassageColumnFile.AnyFor(store.Directory, generation))
        {
            passageRows = separate ? Task.Run(() => passageStore.ReadPassages()) : Task.FromResult(store.ReadPassages());
            reading(passageRows);
        }
        else if (separate)
        {
            postingsOnSecond = Task.Run(() => ReadPostings(passageStore, generation));
            reading(postingsOnSecond);
        }

        var ((storedSpeeches, digest, storedSections), speechesFromFile) = SpeechRows(store, postingsOnSecond is null ? null : (passageStore, postingsOnSecond), generation, reading);
        Lap("speech rows");
        var texts = SpeechTexts.Load(store, storedSpeeches, digest);
        Lap("texts");
        var segments = postingsOnSecond?.GetAwaiter().GetResult() ?? ReadPostings(store, generation);
        Lap("postings");

        var speechIndex = new Dictionary<long, int>(storedSpeeches.Count);
        for (var i = 0; i < storedSpeeches.Count; i++)
        {
            speechIndex[storedSpeeches[i].RowId] = i;
        }

        // Sections get global ids; a passage points at its innermost section, whose path and match form are built once.
        var sectionsBySpeech = new List<StoredSection>[storedSpeeches.Count];
        var sectionBase = new int[storedSpeeches.Count];
        for (var start = 0; start < storedSections.Count;)
        {
            // In (speech, ordinal) order, as both the rows and the file give them: each speech's sections are a run.
            var end = start + 1;
            while (end < storedSections.Count && storedSections[end].SpeechRowId == storedSections[start].SpeechRowId)
            {
                end++;
            }

            sectionsBySpeech[speechIndex[storedSections[start].SpeechRowId]] = storedSections.GetRange(start, end - start);
            start = end;
        }

        var sectionCount = 0;
        for (var i = 0; i < storedSpeeches.Count; i++)
        {
            sectionBase[i] = sectionCount;
            sectionCount += sectionsBySpeech[i]?.Count ?? 0;
        }

        Lap("grouping");
        var (columns, columnsFromFile) = LoadColumns(new ColumnSource(store, passageStore, passageRows, generation, digest, speechIndex, sectionsBySpeech, sectionBase, texts));
        Lap("columns");
        var sectionPaths = new string[sectionCount];
        var sectionMatches = new string[sectionCount];
        Parallel.For(0, storedSpeeches.Count, i =>
        {
            if (sectionsBySpeech[i] is { } secs)
            {
                SectionPaths(secs, sectionPaths.AsSpan(sectionBase[i], secs.Count));
                for (var k = 0; k < secs.Count; k++)
                {
                    var path = sectionPaths[sectionBase[i] + k];
                    sectionMatches[sectionBase[i] + k] = MatchText.Build(path, 0, path.Length);
                }
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

        Lap("section paths");
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
        // Each speech's passages, in order: counted, then placed.
        var passageLists = new int[storedSpeeches.Count][];
        var passageCounts = new int[storedSpeeches.Count];
        var rowIdSpan = columns.RowIds.Span;
        var speechSpan = passageSpeech.Span;
        for (var d = 0; d < n; d++)
        {
            denseByRow[rowIdSpan[d]] = d;
            passageCounts[speechSpan[d]]++;
        }

        for (var i = 0; i < passageLists.Length; i++)
        {
            passageLists[i] = passageCounts[i] == 0 ? [] : new int[passageCounts[i]];
            passageCounts[i] = 0;
        }

        for (var d = 0; d < n; d++)
        {
            var s = speechSpan[d];
            passageLists[s][passageCounts[s]++] = d;
        }

        columns.RowIds.KeepAlive();
        passageSpeech.KeepAlive();

        // Few distinct label sets exist: each is split and masked once, and a passage holds its index.
        var labelSets = Array.ConvertAll(columns.LabelSets, set => (Themes: SplitList(set.Themes), Types: SplitList(set.Types)));
        var labelMasks = Array.ConvertAll(labelSets, set => (Themes: Mask(set.Themes, themeBit), Types: Mask(set.Types, typeBit)));

        Lap("label sets");
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
                Metadata = m,
                Warnings = st.Warnings,
                ThemeShares = st.ThemeShares,
                Sections = sectionsBySpeech[i]?.Select((x, k) => new SectionInfo(x.Ordinal, x.Level, x.Label, x.Heading, x.HeadingStart, x.HeadingEnd, x.Start, x.End, x.Parent) { Path = sectionPaths[sectionBase[i] + k] }).ToList() ?? [],
                Passages = passageLists[i],
                ContentHash = st.ContentHash,
                IndexedAt = st.IndexedAt,
                TitleMatch = MatchText.Build(title, 0, title.Length),
            };
        });

        Lap("speech records");
        var speechYear = Array.ConvertAll(speeches, s => (short)(s.Year ?? 0));
        Parallel.ForEach(Ranges(n), range =>
        {
            ReadOnlySpan<int> speechOf = passageSpeech.Span, labelSet = columns.LabelSet.Span;
            for (var d = range.Item1; d < range.Item2; d++)
            {
                var s = speechOf[d];
                var (themeMask, typeMask) = labelMasks[labelSet[d]];
                passageYear[d] = speechYear[s];
                passageDate[d] = speechDate[s];
                passageThemes[d] = themeMask;
                passageTypes[d] = typeMask;
                passageOrg[d] = speechOrg[s];
            }

            passageSpeech.KeepAlive();
            columns.LabelSet.KeepAlive();
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
            RowsDigest = digest,
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
            DictionaryFromFile = segments.DictionaryFromFile,
            SpeechesFromFile = speechesFromFile,
            PassageRowIds = postingsOnSecond is not null ? columns.RowIds : default, // for the vectors read in the background
            AverageLength = n == 0 ? 1 : (double)totalLength / n,
            sectionMatches = sectionMatches,
            speechById = speeches.Select((sp, i) => (sp.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal),
        };
        Lap("speeches");
        var rowIds = columns.RowIds;
        if (postingsOnSecond is not null)
        {
            // The second connection is free (it read the sections and postings): the meaning is read there after the load.
            handOver();
            snapshot.meaning = Task.Run(() =>
            {
                try
                {
                    return ReadMeaning(passageStore, null); // not the row ids: their map is closed once the snapshot is collected
                }
                finally
                {
                    Close(passageStore);
                }
            });
        }
        else
        {
            passageRows?.Wait(); // done: the columns were made from these rows
            snapshot.meaning = Task.FromResult(ReadMeaning(store, rowIds));
        }

        Lap("meaning");
        snapshot.postings = new PostingsIndex(segments.Dictionary, segments.Postings, denseByRow);
        snapshot.LoadSeconds = stages;
        return snapshot;
    }

    /// <summary>
    /// The speech rows (without their texts, in row-id order), their digest and the section rows of the generation: from its
    /// speech rows file beside the index (<see cref="SpeechRowFile"/>, named by the generation's stamp) when that is whole;
    /// else read — the sections on the <paramref name="second"/> connection after what it reads now, when given — and
    /// written to the file for the next load (deleting the other generations'). Where the file cannot be written (a
    /// read-only folder, a full disk) or the index has no stamp (last committed by an older version), the rows serve.
    /// </summary>
    private static (SpeechRowFile.Rows Rows, bool FromFile) SpeechRows(IndexStore store, (IndexStore Store, Task Busy)? second, long generation, Action<Task> reading)
    {
        var stamp = store.GetMeta(MetaKey.GenerationStamp);
        var path = SpeechRowFile.IsStamp(stamp) ? Path.Combine(store.Directory, SpeechRowFile.NameFor(generation, stamp!)) : null;
        if (path is not null && SpeechRowFile.Read(path, generation, stamp!) is { } stored)
        {
            return (stored, true);
        }

        Task<List<StoredSection>>? sections = null;
        if (second is var (other, busy))
        {
            sections = busy.ContinueWith(_ => other.ReadSections(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            reading(sections);
        }

        var speeches = store.ReadSpeeches(withText: false, withMarkdown: true);
        var rows = new SpeechRowFile.Rows(speeches, GenerationFiles.Digest(speeches), sections?.GetAwaiter().GetResult() ?? store.ReadSections());
        if (path is not null)
        {
            try
            {
                SpeechRowFile.Write(path, generation, stamp!, rows);
                SpeechRowFile.DeleteOthers(store.Directory, generation, Path.GetFileName(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a read-only folder or a full disk: the rows serve, and the next load tries again
            }
        }

        return (rows, false);
    }

    /// <summary>The segments' postings and their term dictionary, each mapped from the generation's file beside the index when it is whole.</summary>
    private sealed record SegmentPostings(SegmentPostingsFile Postings, TermDictionary Dictionary, bool DictionaryFromFile);

    /// <summary>The postings of the generation <paramref name="store"/> reads, then their term dictionary (<see cref="TermDictionaryFile"/>).</summary>
    private static SegmentPostings ReadPostings(IndexStore store, long generation)
    {
        var postings = SegmentPostingsFile.ReadForGeneration(store, generation);
        var (dictionary, fromFile) = TermDictionaryFile.ReadForGeneration(store, generation, postings);
        return new SegmentPostings(postings, dictionary, fromFile);
    }

    /// <summary>
    /// The meaning model with the passages' stored vectors: with <paramref name="rowIds"/>, only when they are those of these
    /// passages; without, unchecked (<see cref="TakeStoredVectors"/> checks them).
    /// </summary>
    private static MeaningRead ReadMeaning(IndexStore store, Column<long>? rowIds)
    {
        var (model, passages) = Indexing.ArchiveVectors.Read(store);
        if (rowIds is not { } ids)
        {
            return new MeaningRead(model, passages) { Checked = false };
        }

        var read = new MeaningRead(model, passages?.For(ids.Span));
        ids.KeepAlive();
        return read;
    }

    /// <summary>
    /// Each section's path (its headings from the outermost down, joined by " › ", as <see cref="Indexing.StoredStructure.SectionPath"/>
    /// walks them), made from its parent's where the parent comes before it (so each heading is joined once), else walked.
    /// </summary>
    internal static void SectionPaths(List<StoredSection> sections, Span<string> paths)
    {
        const int deepest = 64; // as far as the walk goes
        var depth = System.Buffers.ArrayPool<int>.Shared.Rent(sections.Count);
        for (var k = 0; k < sections.Count; k++)
        {
            var (ordinal, parent, heading) = (sections[k].Ordinal, sections[k].Parent, sections[k].Heading);
            if (ordinal != k)
            {
                (paths[k], depth[k]) = ("", 0); // the walk stops at once
            }
            else if (parent < 0 || parent >= sections.Count || (parent < k && depth[parent] == 0))
            {
                (paths[k], depth[k]) = (heading, 1); // the walk stops after this heading
            }
            else if (parent < k && depth[parent] < deepest)
            {
                (paths[k], depth[k]) = (string.Concat(paths[parent], " › ", heading), depth[parent] + 1);
            }
            else
            {
                var walked = Indexing.StoredStructure.SectionPath(sections, k, x => (x.Ordinal, x.Parent, x.Heading));
                (paths[k], depth[k]) = (string.Join(" › ", walked), walked.Count);
            }
        }

        System.Buffers.ArrayPool<int>.Shared.Return(depth);
    }

    /// <summary>0 to <paramref name="n"/> in ranges of 65,536 (the last shorter), for a pass over the cores.</summary>
    internal static IEnumerable<(int Start, int End)> Ranges(int n)
    {
        for (var at = 0; at < n; at += 1 << 16)
        {
            yield return (at, Math.Min(n, at + (1 << 16)));
        }
    }

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
