using System.Globalization;
using System.Text;
using SpeechArchive.Documents;
using SpeechArchive.Structure;

namespace SpeechArchive.Cli.Bench;

/// <summary>
/// Writes an archive N times a real corpus for <c>bench --scale</c>: the corpus itself (×1), then N − 1 rounds in each of
/// which every speech is written again over its own outline (title, salutation, headings, where its passages stand) with
/// each passage taken from one of three other speeches of the same kind (set folder and category), from the same relative
/// position. Year and date come from one of those speeches (the first that has a year), the title's year changed to match. Every passage is a real
/// one, so term and phrase frequencies grow as in a larger archive of the genre while no speech repeats another.
/// Deterministic for a seed.
/// </summary>
internal static class ScaleArchive
{
    /// <summary>How many other speeches of its kind lend their passages to one written speech.</summary>
    public const int Donors = 3;

    /// <summary>The folder of round <paramref name="round"/> (2 … N) below the archive's root.</summary>
    public static string RoundFolder(int round) => $"scale-{round:00}";

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="target"/> (which must not exist yet) and adds
    /// <paramref name="times"/> − 1 rounds of recombined speeches, each round in its own folder with a MANIFEST.tsv per folder.
    /// Returns the speech files written by the rounds.
    /// </summary>
    public static int Write(string source, string target, int times, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        if (Directory.Exists(target))
        {
            throw new SpeechArchiveException($"the scale bench writes its archive into a new folder, and {target} exists");
        }

        Copy(source, target);
        if (times == 1)
        {
            return 0;
        }

        var outlines = Read(source);
        var pools = new DonorPools(outlines);
        var written = 0;
        for (var round = 2; round <= times; round++)
        {
            var random = new Random(unchecked((seed * 7919) + round)); // a seeded Random is the same in every process (HashCode is not)
            var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (var i = 0; i < outlines.Count; i++)
            {
                var outline = outlines[i];
                var donors = pools.Choose(i, random);
                var lead = donors.Select(d => outlines[d]).FirstOrDefault(d => d.Metadata.Year is not null) ?? outlines[donors[0]];
                var (text, title) = Recombine(outline, donors.Select(d => outlines[d]).ToArray(), lead.Metadata.Year, random);
                var key = RoundFolder(round) + "/" + (outline.Key.EndsWith(".txt", StringComparison.Ordinal) ? outline.Key : outline.Key + ".txt");
                var path = Path.Combine(target, key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
                var folder = Path.GetDirectoryName(key)!.Replace('\\', '/');
                if (!rows.TryGetValue(folder, out var table))
                {
                    rows[folder] = table = [];
                }

                table.Add(ManifestRow(Path.GetFileName(key), title, lead.Metadata, outline, donors.Select(d => outlines[d].Key)));
                written++;
            }

            foreach (var (folder, table) in rows)
            {
                File.WriteAllLines(Path.Combine(target, folder, "MANIFEST.tsv"), [ManifestHeader, .. table]);
            }
        }

        return written;
    }

    /// <summary>Copies a folder tree as it is.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private const string ManifestHeader = "file\ttitle\tyear\tdate\tcategory\torganization\tspeaker\tmeeting\tsource";

    /// <summary>Every readable speech of the corpus as the indexer reads it (metadata, plain text, title and passage spans), in key order.</summary>
    private static List<Outline> Read(string source)
    {
        var files = new CorpusScanner().Scan(source);
        var tables = new MetadataTableCache();
        var tableOf = files.Select(tables.For).ToArray();
        var reader = new DocumentReader();
        return files.Select((file, i) => (file, i)).AsParallel().AsOrdered()
            .Select(f => reader.Read(f.file, tableOf[f.i]).Document)
            .OfType<SourceDocument>()
            .Select(Outline.Of)
            .ToList();
    }

    /// <summary>
    /// The outline's text with each passage replaced by a donor's passage from the same relative position, and the title (in
    /// the text and in the metadata) with the outline's year changed to <paramref name="year"/>.
    /// </summary>
    private static (string Text, string? Title) Recombine(Outline outline, Outline[] donors, int? year, Random random)
    {
        var text = outline.Text;
        var sb = new StringBuilder(text.Length + 64);
        var at = 0;
        if (outline.Title is { } title && (outline.Passages.Length == 0 || title.End <= outline.Passages[0].Start))
        {
            sb.Append(text, 0, title.Start).Append(Retitle(text[title.Start..title.End], outline.Metadata.Year, year));
            at = title.End;
        }

        var n = outline.Passages.Length;
        for (var i = 0; i < n; i++)
        {
            var slot = outline.Passages[i];
            var donor = donors[random.Next(donors.Length)];
            var span = donor.Passages[Math.Min(donor.Passages.Length - 1, (int)((i + 0.5) * donor.Passages.Length / n))];
            sb.Append(text, at, slot.Start - at).Append(donor.Text, span.Start, span.Length);
            at = slot.End;
        }

        sb.Append(text, at, text.Length - at);
        return (sb.ToString(), outline.Metadata.Title is { } t ? Retitle(t, outline.Metadata.Year, year) : null);
    }

    /// <summary>A title naming its speech's year (2025年…) names the new one instead.</summary>
    private static string Retitle(string title, int? from, int? to) =>
        from is { } f && to is { } t && f != t ? title.Replace($"{f}年", $"{t}年", StringComparison.Ordinal) : title;

    private static string ManifestRow(string file, string? title, SpeechMetadata lead, Outline outline, IEnumerable<string> donors)
    {
        var meta = outline.Metadata;
        var date = lead.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var source = $"bench --scale: the outline of {outline.Key}, passages of {string.Join(" ", donors)}";
        return string.Join('\t', new[] { file, title, lead.Year?.ToString(CultureInfo.InvariantCulture), date, meta.Category, meta.Organization, meta.Speaker, meta.Meeting, source }
            .Select(v => (v ?? "").Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')));
    }

    /// <summary>One speech as the generator uses it: its key, metadata, plain text, title span and passage spans.</summary>
    private sealed record Outline(string Key, SpeechMetadata Metadata, string Text, TextSpan? Title, TextSpan[] Passages)
    {
        /// <summary>The set folder (the key's first folder) and the category without a trailing number (cpc_congress_report_12 → cpc_congress_report).</summary>
        public string Kind => Set + "\u001F" + (Metadata.Category ?? "").TrimEnd("0123456789".ToCharArray()).TrimEnd('_');

        public string Set => Key.Contains('/', StringComparison.Ordinal) ? Key[..Key.IndexOf('/', StringComparison.Ordinal)] : "";

        public static Outline Of(SourceDocument doc)
        {
            var structure = SpeechParser.Parse(doc.Text, new SpeechParseOptions { KnownTitle = doc.Metadata.TitleAsGiven ?? doc.Metadata.Title, Headings = doc.Headings });
            return new Outline(doc.Key, doc.Metadata, doc.Text, structure.Title, [.. structure.Passages.Select(p => p.Span)]);
        }
    }

    /// <summary>The speeches that may lend passages to each speech: its kind's, or its set's when the kind has too few.</summary>
    private sealed class DonorPools
    {
        private readonly List<Outline> outlines;
        private readonly Dictionary<string, List<int>> byKind = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> bySet = new(StringComparer.Ordinal);

        public DonorPools(List<Outline> outlines)
        {
            this.outlines = outlines;
            for (var i = 0; i < outlines.Count; i++)
            {
                if (outlines[i].Passages.Length > 0)
                {
                    Add(byKind, outlines[i].Kind, i);
                    Add(bySet, outlines[i].Set, i);
                }
            }
        }

        /// <summary>Up to <see cref="Donors"/> distinct other speeches, chosen at random; the speech itself when there is no other.</summary>
        public int[] Choose(int self, Random random)
        {
            var outline = outlines[self];
            var pool = byKind.TryGetValue(outline.Kind, out var kind) && kind.Count > Donors ? kind : bySet.GetValueOrDefault(outline.Set) ?? [];
            var others = pool.Count - (pool.Contains(self) ? 1 : 0);
            if (others == 0)
            {
                return [self];
            }

            var chosen = new List<int>(Donors);
            while (chosen.Count < Math.Min(Donors, others))
            {
                var pick = pool[random.Next(pool.Count)];
                if (pick != self && !chosen.Contains(pick))
                {
                    chosen.Add(pick);
                }
            }

            return [.. chosen];
        }

        private static void Add(Dictionary<string, List<int>> map, string key, int i)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(i);
        }
    }
}
