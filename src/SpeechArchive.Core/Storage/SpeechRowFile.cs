using System.Buffers.Binary;
using System.Text;
using SpeechArchive.Documents;
using SpeechArchive.Structure;

namespace SpeechArchive.Storage;

/// <summary>
/// The speech rows (without their texts) and the section rows of one index generation in a file beside the database,
/// written at the first load of the generation so that later loads read one file instead of every speech row (whose
/// metadata lies after the text in the row, so SQLite walks the text's overflow pages to reach it) and every section row.
/// Named by the generation and its stamp (<see cref="MetaKey.GenerationStamp"/>, a random value written with each
/// generation: one meta row names the file, no speech row is read to find it); it also holds the speech rows' digest
/// (<see cref="GenerationFiles.Digest"/>) that names the generation's other files. Both halves of the format live here: a
/// 64-byte header (<c>SASPCH01</c>, the generation, the stamp, the counts, the digest, the payload's length, where its
/// sections start), the speeches then the sections one after the other (UTF-8 strings after their int32 byte length, -1 for none; numbers little-endian),
/// padded to 8 bytes, then a checksum of all before it. A file of another generation or stamp, cut short, altered or whose
/// rows are out of order is not used (the rows are read, and the file written again).
/// </summary>
internal static class SpeechRowFile
{
    private const string Prefix = "speech-rows-";
    private const string Extension = ".bin";
    private const int HeaderBytes = 64;
    private static ReadOnlySpan<byte> Magic => "SASPCH01"u8;

    /// <summary>What the file holds: the speech rows read without text (in row-id order), their digest, and the section rows (by speech, then ordinal).</summary>
    public sealed record Rows(List<StoredSpeech> Speeches, string Digest, List<StoredSection> Sections);

    /// <summary>The file name for <paramref name="generation"/> with stamp <paramref name="stamp"/> (16 hex digits).</summary>
    public static string NameFor(long generation, string stamp) => GenerationFiles.Name(Prefix, generation, stamp, Extension);

    /// <summary>Deletes the other generations' files in <paramref name="directory"/> (<see cref="GenerationFiles.DeleteOthers"/>).</summary>
    public static void DeleteOthers(string directory, long generation, string keep) =>
        GenerationFiles.DeleteOthers(directory, Prefix, Extension, generation, keep);

    /// <summary>Whether <paramref name="stamp"/> can name a file (16 hex digits, as <see cref="IndexStore.BumpGeneration"/> writes it).</summary>
    public static bool IsStamp(string? stamp) => stamp is { Length: 16 } && stamp.All(char.IsAsciiHexDigitLower);

    /// <summary>The rows in the file at <paramref name="path"/> when it is whole and made for <paramref name="generation"/> and <paramref name="stamp"/>; else null.</summary>
    public static unsafe Rows? Read(string path, long generation, string stamp)
    {
        MappedView mapped;
        long length;
        try
        {
            length = new FileInfo(path).Length;
            if (length is < HeaderBytes + 8 or > int.MaxValue || !BitConverter.IsLittleEndian)
            {
                return null;
            }

            mapped = MappedView.Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // none, deleted by another process's load meanwhile, or unreadable: the rows are read
        }

        using (mapped)
        {
            return Decode(mapped.Pointer, (int)length, generation, stamp);
        }
    }

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> (through a temporary file renamed into place).</summary>
    public static void Write(string path, long generation, string stamp, Rows rows) =>
        GenerationFiles.Write(path, stream =>
        {
            var payload = new PayloadWriter();
            foreach (var s in rows.Speeches)
            {
                payload.Speech(s);
            }

            var sectionsAt = payload.Length;
            foreach (var s in rows.Sections)
            {
                payload.Section(s);
            }

            var bytes = payload.ToArray();
            var header = GenerationFiles.Header(HeaderBytes, Magic, generation, stamp);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), rows.Speeches.Count);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), rows.Sections.Count);
            Convert.FromHexString(rows.Digest).CopyTo(header.AsSpan(32, 8));
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(40), bytes.Length);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(48), sectionsAt);
            var padded = new byte[GenerationFiles.Padded(bytes.Length)];
            bytes.CopyTo(padded, 0);
            var checksum = new GenerationFiles.Checksum();
            checksum.Add(header);
            checksum.Add(padded);
            stream.Write(header);
            stream.Write(padded);
            Span<byte> sum = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(sum, checksum.Value);
            stream.Write(sum);
        });

    private static unsafe Rows? Decode(byte* pointer, int length, long generation, string stamp)
    {
        var bytes = new ReadOnlySpan<byte>(pointer, length);
        var header = bytes[..HeaderBytes];
        var (speeches, sections, payload, sectionsAt) = (BinaryPrimitives.ReadInt32LittleEndian(header[24..]), BinaryPrimitives.ReadInt32LittleEndian(header[28..]),
            BinaryPrimitives.ReadInt64LittleEndian(header[40..]), BinaryPrimitives.ReadInt64LittleEndian(header[48..]));
        if (!GenerationFiles.Stamped(header, Magic, generation, stamp)
            || speeches < 0 || sections < 0 || payload < 0 || sectionsAt < 0 || sectionsAt > payload
            || bytes.Length != HeaderBytes + GenerationFiles.Padded(payload) + 8)
        {
            return null;
        }

        var checksum = new GenerationFiles.Checksum();
        checksum.Add(bytes[..^8]);
        if (checksum.Value != BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]))
        {
            return null;
        }

        // The sections are read on another thread while the speeches are read here.
        var sectionPart = pointer + HeaderBytes + sectionsAt;
        var sectionBytes = (int)(payload - sectionsAt);
        var sectionList = Task.Run(() => Sections(new ReadOnlySpan<byte>(sectionPart, sectionBytes), sections));
        List<StoredSpeech>? speechList;
        try
        {
            speechList = Speeches(bytes.Slice(HeaderBytes, (int)sectionsAt), speeches);
        }
        finally
        {
            // The map stays open until the sections are read. Task.Wait runs them here when no thread has taken them yet (at a
            // host's start the pool may have none free, and would add one only after half a second).
            try
            {
                sectionList.Wait();
            }
            catch (AggregateException)
            {
                // thrown again below
            }
        }

        var sectionRows = sectionList.GetAwaiter().GetResult();
        if (speechList is null || sectionRows is null)
        {
            return null;
        }

        // Every section's speech is one of the speeches (both in row-id order).
        var at = 0;
        foreach (var section in sectionRows)
        {
            while (at < speechList.Count && speechList[at].RowId < section.SpeechRowId)
            {
                at++;
            }

            if (at == speechList.Count || speechList[at].RowId != section.SpeechRowId)
            {
                return null;
            }
        }

        return new Rows(speechList, Convert.ToHexStringLower(header.Slice(32, 8)), sectionRows);
    }

    /// <summary>The <paramref name="count"/> speeches that are the whole of <paramref name="bytes"/>, in ascending row-id order; else null.</summary>
    private static List<StoredSpeech>? Speeches(ReadOnlySpan<byte> bytes, int count)
    {
        var reader = new PayloadReader(bytes);
        var list = new List<StoredSpeech>(Math.Min(count, bytes.Length / 64));
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            var speech = reader.Speech();
            if (list.Count > 0 && speech.RowId <= list[^1].RowId)
            {
                return null;
            }

            list.Add(speech);
        }

        return reader.Failed || !reader.AtEnd ? null : list;
    }

    /// <summary>The <paramref name="count"/> sections that are the whole of <paramref name="bytes"/>, in ascending (speech, ordinal) order; else null.</summary>
    private static List<StoredSection>? Sections(ReadOnlySpan<byte> bytes, int count)
    {
        var reader = new PayloadReader(bytes);
        var list = new List<StoredSection>(Math.Min(count, bytes.Length / 32));
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            var section = reader.Section();
            if (list.Count > 0 && (section.SpeechRowId, section.Ordinal).CompareTo((list[^1].SpeechRowId, list[^1].Ordinal)) <= 0)
            {
                return null;
            }

            list.Add(section);
        }

        return reader.Failed || !reader.AtEnd ? null : list;
    }

    private sealed class PayloadWriter
    {
        private readonly ByteWriter buffer = new(1 << 20);
        private readonly byte[] number = new byte[8];

        public byte[] ToArray() => buffer.ToArray();

        public int Length => buffer.Length;

        public void Speech(StoredSpeech s)
        {
            var m = s.Metadata;
            Long(s.RowId);
            String(s.FileKey);
            String(s.PublicId);
            String(s.ContentHash);
            String(s.LabelsFingerprint);
            String(m.Title);
            Int(m.Date?.DayNumber ?? -1);
            NullableInt(m.Year);
            String(m.Speaker);
            String(m.Organization);
            String(m.Meeting);
            String(m.Source);
            String(m.Category);
            Strings(m.Tags);
            String(m.TitleProvenance.Origin);
            Double(m.TitleProvenance.Confidence);
            String(m.YearProvenance.Origin);
            Double(m.YearProvenance.Confidence);
            Strings(s.Warnings);
            NullableInt(s.Title?.Start);
            NullableInt(s.Title?.End);
            NullableInt(s.Salutation?.Start);
            NullableInt(s.Salutation?.End);
            Int(s.ThemeShares.Count);
            foreach (var (theme, share) in s.ThemeShares)
            {
                String(theme);
                Double(share);
            }

            String(s.Markdown);
            String(s.IndexedAt);
            String(s.SourceStamp);
        }

        public void Section(StoredSection s)
        {
            Long(s.SpeechRowId);
            Int(s.Ordinal);
            Int(s.Level);
            String(s.Label);
            String(s.Heading);
            Int(s.HeadingStart);
            Int(s.HeadingEnd);
            Int(s.Start);
            Int(s.End);
            Int(s.Parent);
        }

        private void Long(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            buffer.Write(number.AsSpan(0, 8));
        }

        private void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(number, value);
            buffer.Write(number.AsSpan(0, 4));
        }

        private void Double(double value)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(number, value);
            buffer.Write(number.AsSpan(0, 8));
        }

        private void NullableInt(int? value)
        {
            buffer.Write([value is null ? (byte)0 : (byte)1]);
            Int(value ?? 0);
        }

        private void String(string? value)
        {
            if (value is null)
            {
                Int(-1);
                return;
            }

            Int(Encoding.UTF8.GetByteCount(value));
            buffer.Write(Encoding.UTF8.GetBytes(value));
        }

        private void Strings(IReadOnlyList<string> values)
        {
            Int(values.Count);
            foreach (var v in values)
            {
                String(v);
            }
        }
    }

    /// <summary>Reads what <see cref="PayloadWriter"/> wrote; past the end or on a value out of range it fails (and reads zeros and nulls from then on).</summary>
    private ref struct PayloadReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private readonly HashSet<string> pool = new(StringComparer.Ordinal);
        private int at;

        public bool Failed { get; private set; }

        public readonly bool AtEnd => at == bytes.Length;

        public StoredSpeech Speech()
        {
            var rowId = Long();
            var (fileKey, publicId, contentHash, fingerprint) = (Required(), Required(), Required(), Required(shared: true));
            var title = String();
            var day = Int();
            var metadata = new SpeechMetadata
            {
                Title = title,
                Date = day >= 0 && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : Fail<DateOnly?>(day != -1),
                Year = NullableInt(),
                Speaker = String(shared: true),
                Organization = String(shared: true),
                Meeting = String(shared: true),
                Source = String(shared: true),
                Category = String(shared: true),
                Tags = Strings().ToArray(),
                TitleProvenance = new MetadataProvenance(Required(shared: true), Double()),
                YearProvenance = new MetadataProvenance(Required(shared: true), Double()),
            };
            var warnings = Strings();
            var (titleStart, titleEnd, salutationStart, salutationEnd) = (NullableInt(), NullableInt(), NullableInt(), NullableInt());
            var count = Count();
            var shares = new Dictionary<string, double>(count);
            for (var i = 0; i < count && !Failed; i++)
            {
                var theme = Required(shared: true);
                var share = Double();
                if (!shares.TryAdd(theme, share))
                {
                    Failed = true;
                }
            }

            return new StoredSpeech(
                RowId: rowId, FileKey: fileKey, PublicId: publicId, ContentHash: contentHash, LabelsFingerprint: fingerprint, Metadata: metadata,
                Warnings: warnings, Title: Span(titleStart, titleEnd), Salutation: Span(salutationStart, salutationEnd), ThemeShares: shares,
                Text: "", Markdown: String(), IndexedAt: Required(shared: true), SourceStamp: String());
        }

        public StoredSection Section() =>
            new(Long(), Int(), Int(), Required(shared: true), Required(), Int(), Int(), Int(), Int(), Int());

        private T? Fail<T>(bool failed)
        {
            Failed |= failed;
            return default;
        }

        private static TextSpan? Span(int? start, int? end) => start is int s && end is int e ? new TextSpan(s, e) : null;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (Failed || n < 0 || n > bytes.Length - at)
            {
                Failed = true;
                return default;
            }

            var part = bytes.Slice(at, n);
            at += n;
            return part;
        }

        private long Long() => Take(8) is { Length: 8 } b ? BinaryPrimitives.ReadInt64LittleEndian(b) : 0;

        private int Int() => Take(4) is { Length: 4 } b ? BinaryPrimitives.ReadInt32LittleEndian(b) : 0;

        private double Double() => Take(8) is { Length: 8 } b ? BinaryPrimitives.ReadDoubleLittleEndian(b) : 0;

        private int? NullableInt()
        {
            var flag = Take(1) is { Length: 1 } b ? b[0] : (byte)0;
            var value = Int();
            Failed |= flag > 1;
            return flag == 1 ? value : null;
        }

        /// <summary>A count of items that follow (each at least four bytes).</summary>
        private int Count()
        {
            var n = Int();
            Failed |= n < 0 || n > (bytes.Length - at) / 4;
            return Failed ? 0 : n;
        }

        /// <summary>A string, or null; <paramref name="shared"/>: one that many rows repeat (a label, an organisation, a theme, when they were indexed), made once per file.</summary>
        private string? String(bool shared = false)
        {
            var n = Int();
            if (n == -1 || Failed)
            {
                return null;
            }

            var utf8 = Take(n);
            if (Failed)
            {
                return null;
            }

            if (!shared || n > 256)
            {
                return Encoding.UTF8.GetString(utf8);
            }

            Span<char> chars = stackalloc char[256];
            var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
            var made = pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!made.TryGetValue(text, out var value))
            {
                value = new string(text);
                pool.Add(value);
            }

            return value;
        }

        private string Required(bool shared = false) => String(shared) ?? Fail<string>(true) ?? "";

        private List<string> Strings()
        {
            var n = Count();
            var list = new List<string>(n);
            for (var i = 0; i < n && !Failed; i++)
            {
                list.Add(Required(shared: true));
            }

            return list;
        }
    }
}
