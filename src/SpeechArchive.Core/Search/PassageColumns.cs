using System.Collections;
using System.Globalization;
using System.Text;
using SpeechArchive.Storage;

namespace SpeechArchive.Search;

/// <summary>
/// The passages of a snapshot as columns, one array per field indexed by passage (struct of arrays, as Lucene's doc values):
/// no object or string per passage. What few passages share is stored once and indexed: section paths per section, label
/// lists per distinct set, point labels per distinct label; sentences sit in one UTF-8 arena. A passage's id and its
/// sentences are made when asked for, its match form on first use. <see cref="PassageInfo"/> reads one passage. The columns
/// are mapped from the generation's columns file (<see cref="Column{T}"/>), or arrays where they were made from the rows.
/// </summary>
public sealed class PassageColumns : IReadOnlyList<PassageInfo>
{
    internal PassageColumns(IReadOnlyList<SpeechInfo> speeches, int count)
    {
        this.speeches = speeches;
        matchTexts = new string?[count];
    }

    private readonly IReadOnlyList<SpeechInfo> speeches;
    private readonly string?[] matchTexts;

    public int Count => matchTexts.Length;

    public PassageInfo this[int index] => (uint)index < (uint)matchTexts.Length ? new PassageInfo(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Each passage's speech (an index into the snapshot's speeches).</summary>
    internal Column<int> Speech { get; init; }
    internal Column<int> Ordinal { get; init; }
    /// <summary>Each passage's innermost section as a global section id (see <see cref="SectionPaths"/>), or -1.</summary>
    internal Column<int> Section { get; init; }
    internal Column<int> Start { get; init; }
    internal Column<int> End { get; init; }
    /// <summary>Each passage's label set, an index into <see cref="LabelSets"/>.</summary>
    internal Column<int> LabelSet { get; init; }
    internal (IReadOnlyList<string> Themes, IReadOnlyList<string> Types)[] LabelSets { get; init; } = [];
    /// <summary>Each passage's point label, an index into <see cref="PointLabels"/> (whose first entry is none).</summary>
    internal Column<int> Point { get; init; }
    internal string?[] PointLabels { get; init; } = [];
    /// <summary>Every passage's stored sentences column (UTF-8), passage <c>d</c>'s from <c>SentenceStarts[d]</c> to <c>SentenceStarts[d + 1]</c>.</summary>
    internal Column<byte> SentenceArena { get; init; }
    internal Column<int> SentenceStarts { get; init; }
    /// <summary>Each section's path (headings joined by " › "), by global section id.</summary>
    internal string[] SectionPaths { get; init; } = [];
    /// <summary>Each speech's first global section id.</summary>
    internal int[] SectionBase { get; init; } = [];

    internal string Id(int doc) => Id(speeches[Speech[doc]].Id, Ordinal[doc]);

    /// <summary>The public id of the passage with <paramref name="ordinal"/> in speech <paramref name="speechId"/>.</summary>
    internal static string Id(string speechId, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"{speechId}:{ordinal + 1}");

    internal int SectionOrdinal(int doc) => Section[doc] < 0 ? -1 : Section[doc] - SectionBase[Speech[doc]];

    internal string SectionPath(int doc) => Section[doc] < 0 ? "" : SectionPaths[Section[doc]];

    internal string? PointLabel(int doc) => PointLabels[Point[doc]];

    internal (IReadOnlyList<string> Themes, IReadOnlyList<string> Types) Labels(int doc) => LabelSets[LabelSet[doc]];

    internal IReadOnlyList<(int Start, int End, string? Type)> Sentences(int doc)
    {
        var arena = SentenceArena;
        var sentences = Storage.SentenceColumn.Decode(arena.Span.Slice(SentenceStarts[doc], SentenceStarts[doc + 1] - SentenceStarts[doc]), Start[doc]);
        arena.KeepAlive();
        return sentences;
    }

    internal ReadOnlySpan<char> SourceText(int doc) => speeches[Speech[doc]].TextSpan;

    internal string MatchText(int doc) => matchTexts[doc] ??= Analysis.MatchText.Build(SourceText(doc), Start[doc], End[doc]);

    /// <summary>How many passages' match texts are kept (for tests and memory checks).</summary>
    internal int KeptMatchTexts => matchTexts.Count(t => t is not null);

    /// <summary>
    /// How often passage <paramref name="doc"/>'s match form holds <paramref name="needle"/> as a whole (<see cref="MatchTextIn"/>),
    /// so checking the many candidates of a common pair (他人 inside 其他人) does not keep a string per passage read. An
    /// occurrence <paramref name="except"/> leaves out is not counted.
    /// </summary>
    internal int CountInMatchText(int doc, string needle, ref char[] buffer, Analysis.MatchText.Excludes? except = null) =>
        Analysis.MatchText.CountOccurrences(MatchTextIn(doc, ref buffer), needle, except: except);

    /// <summary>
    /// Passage <paramref name="doc"/>'s match form: its kept match text, else written into <paramref name="buffer"/> (pooled,
    /// grown when too short) and not kept; valid until the buffer is written again.
    /// </summary>
    internal ReadOnlySpan<char> MatchTextIn(int doc, ref char[] buffer)
    {
        if (matchTexts[doc] is { } kept)
        {
            return kept;
        }

        var length = End[doc] - Start[doc];
        if (buffer.Length < length)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            buffer = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        }

        return buffer.AsSpan(0, Analysis.MatchText.Write(SourceText(doc), Start[doc], End[doc], buffer));
    }

    /// <summary>Lays each passage's stored sentences column (<paramref name="sentences"/>) out in one UTF-8 arena, in parallel.</summary>
    internal static (byte[] Arena, int[] Starts) SentenceArenaOf(int count, Func<int, string> sentences)
    {
        var starts = new int[count + 1];
        Parallel.For(0, count, d => starts[d + 1] = Encoding.UTF8.GetByteCount(sentences(d)));
        for (var d = 0; d < count; d++)
        {
            starts[d + 1] = checked(starts[d + 1] + starts[d]);
        }

        var arena = new byte[starts[count]];
        Parallel.For(0, count, d => Encoding.UTF8.GetBytes(sentences(d), arena.AsSpan(starts[d], starts[d + 1] - starts[d])));
        return (arena, starts);
    }

    public IEnumerator<PassageInfo> GetEnumerator()
    {
        for (var d = 0; d < Count; d++)
        {
            yield return new PassageInfo(this, d);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
