using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

public sealed partial class IndexSnapshot
{
    /// <summary>What the passages' columns are made from: the generation's file, else the passage rows (being read, or to read on <c>PassageStore</c>).</summary>
    private sealed record ColumnSource(
        IndexStore Store, IndexStore PassageStore, Task<List<StoredPassage>>? Rows, long Generation, string Digest,
        Dictionary<long, int> SpeechIndex, List<StoredSection>?[] SectionsBySpeech, int[] SectionBase, SpeechTexts Texts);

    /// <summary>
    /// The passages' columns of the generation: from its columns file beside the index (<see cref="PassageColumnFile"/>) when
    /// that is whole and made for these speech rows; else made from the passage rows and written to the file for the next
    /// load (deleting the other generations' files). Where the file cannot be written (a read-only folder, a full disk) the
    /// columns made from the rows serve.
    /// </summary>
    private static (PassageColumnData Columns, bool FromFile) LoadColumns(ColumnSource source)
    {
        var (store, generation, digest) = (source.Store, source.Generation, source.Digest);
        var speeches = source.SectionBase.Length;
        var sections = speeches == 0 ? 0 : source.SectionBase[^1] + (source.SectionsBySpeech[^1]?.Count ?? 0);
        var path = Path.Combine(store.Directory, PassageColumnFile.NameFor(generation, digest));
        if (source.Rows is null && PassageColumnFile.Read(path, generation, digest, speeches, sections) is { } stored)
        {
            return (stored, true);
        }

        var rows = source.Rows?.GetAwaiter().GetResult() ?? source.PassageStore.ReadPassages();
        var columns = FromRows(rows, source);
        try
        {
            PassageColumnFile.Write(path, generation, digest, speeches, sections, columns);
            PassageColumnFile.DeleteOthers(store.Directory, generation, Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a read-only folder or a full disk: the columns made from the rows serve, and the next load tries again
        }

        return (columns, false);
    }

    /// <summary>The columns of <paramref name="rows"/> (in row-id order): speeches and sections by position, label sets and point labels each kept once.</summary>
    private static PassageColumnData FromRows(List<StoredPassage> rows, ColumnSource source)
    {
        var n = rows.Count;
        var (rowIds, speech, ordinal, section, start, end, length) = (new long[n], new int[n], new int[n], new int[n], new int[n], new int[n], new int[n]);
        var labelSets = new Dictionary<(string Themes, string Types), int>();
        var labelSet = new int[n];
        var pointLabels = new Dictionary<string, int>(StringComparer.Ordinal);
        var pointLabelList = new List<string?> { null };
        var point = new int[n];
        for (var d = 0; d < n; d++)
        {
            var sp = rows[d];
            rowIds[d] = sp.RowId;
            speech[d] = source.SpeechIndex[sp.SpeechRowId];
            if (!labelSets.TryGetValue((sp.Themes, sp.DirectiveTypes), out labelSet[d]))
            {
                labelSet[d] = labelSets[(sp.Themes, sp.DirectiveTypes)] = labelSets.Count;
            }

            if (sp.PointLabel is { } label && !pointLabels.TryGetValue(label, out point[d]))
            {
                point[d] = pointLabels[label] = pointLabelList.Count;
                pointLabelList.Add(label);
            }
        }

        Parallel.For(0, n, d =>
        {
            var sp = rows[d];
            var s = speech[d];
            ordinal[d] = sp.Ordinal;
            section[d] = sp.SectionOrdinal >= 0 && sp.SectionOrdinal < (source.SectionsBySpeech[s]?.Count ?? 0) ? source.SectionBase[s] + sp.SectionOrdinal : -1;
            start[d] = sp.Start;
            end[d] = sp.End;
            length[d] = Math.Max(1, sp.MatchLength ?? MatchText.Length(source.Texts.Span(s), sp.Start, sp.End));
        });

        var (sentenceArena, sentenceStarts) = PassageColumns.SentenceArenaOf(n, d => rows[d].Sentences);
        var sets = new (string, string)[labelSets.Count];
        foreach (var (set, i) in labelSets)
        {
            sets[i] = set;
        }

        return new PassageColumnData
        {
            RowIds = rowIds,
            Speech = speech,
            Ordinal = ordinal,
            Section = section,
            Start = start,
            End = end,
            LabelSet = labelSet,
            Point = point,
            Length = length,
            SentenceStarts = sentenceStarts,
            SentenceArena = sentenceArena,
            LabelSets = sets,
            PointLabels = [.. pointLabelList],
        };
    }
}
