using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Semantics;
using SpeechArchive.Storage;

namespace SpeechArchive.Indexing;

/// <summary>
/// Which word vectors serve ranking by meaning, and the passages' vectors made with them, stored with the index (the
/// <c>vectors</c> table) after the lexical commit, so that search works meanwhile and a load need not embed every passage.
/// An archive of <see cref="IndexOptions.VectorTrainingFrom"/> characters or more learns its own model
/// (<see cref="VectorTrainer"/>); a smaller one is served by the base vectors that ship with the engine (learned from the
/// shared public sets: 1.7 M characters of speeches alone gave vectors that ranked worse than the base, docs/relevance.md),
/// extended with the archive's own words they do not know (<see cref="VectorTrainer.Extend"/>; model
/// <see cref="ExtendedModel"/>).
/// The model is learned again only when the archive's size changed by <see cref="RelearnShare"/> since, or on a rebuild;
/// otherwise a run embeds only the passages that are new, and the model generation stays.
/// </summary>
public static class ArchiveVectors
{
    /// <summary>From this many characters on, the archive learns its own word vectors (4,000+ speeches of this genre).</summary>
    public const long TrainFrom = 8_000_000;

    /// <summary>The share of the archive's characters that must have changed since the model was learned to learn it again.</summary>
    public const double RelearnShare = 0.10;

    /// <summary>The most characters the model is learned from: a larger archive is learned from every k-th speech (deterministic).</summary>
    public const long LearningBudget = 30_000_000;

    /// <summary>The <c>vector_model</c> of an index served by the base vectors.</summary>
    public const string BaseModel = "base";

    /// <summary>The <c>vector_model</c> of an index served by the base vectors extended with its own words (read from their contexts).</summary>
    public const string ExtendedModel = "extended";

    /// <summary>The <c>vector_model</c> of an index served by vectors learned from its own text.</summary>
    public const string ArchiveModel = "archive";

    /// <summary>A learned model needs at least this many words with vectors, else the base serves.</summary>
    private const int MinimumWords = 1000;

    internal const string WordsRow = "words";
    internal const string PassagesRow = "passages";

    /// <summary>
    /// Brings the stored model and passage vectors in line with the committed index, in a transaction of its own. Returns what
    /// it did; does nothing (null) when the build ships no base vectors and the archive is too small to learn its own.
    /// </summary>
    internal static VectorRefresh? Refresh(IndexStore store, bool rebuild, long trainFrom, CancellationToken cancellation)
    {
        store.BeginTransaction();
        try
        {
            var characters = store.CountCharacters();
            var learnedLexicon = store.GetMeta(MetaKey.Lexicon);
            var edits = store.GetMeta(MetaKey.LexiconEdits);
            var segmenter = new Segmenter(ArchiveLexicon.Compose(learnedLexicon, edits));
            var lexiconKey = Fingerprint(learnedLexicon + "\u0001" + edits);

            var wantArchive = characters > 0 && characters >= trainFrom;
            var model = store.GetMeta(MetaKey.VectorModel);
            var learnedAt = MetaNumber(store, MetaKey.VectorCharacters) ?? -1;
            var storedWords = model is ArchiveModel or ExtendedModel ? store.GetVectors(WordsRow) : null;
            var due = rebuild || model is null || (model == ArchiveModel) != wantArchive
                || (model != BaseModel && storedWords is null) || Math.Abs(characters - learnedAt) >= RelearnShare * Math.Max(1, learnedAt);

            WordVectors? words;
            var generation = MetaNumber(store, MetaKey.VectorGeneration) ?? 0;
            var learnSeconds = 0.0;
            // Every speech's text only when the model is learned again or every passage is embedded; else the texts of the
            // speeches whose passages are new (a reindex that adds a file reads that file's text, not the archive's).
            List<(long Id, string Text)>? speeches = null;
            List<(long Id, string Text)> AllTexts() => speeches ??= store.ReadTextsById();
            if (due)
            {
                var speechesToLearn = AllTexts();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                words = null;
                if (wantArchive)
                {
                    var stride = (int)Math.Max(1, (characters + LearningBudget - 1) / LearningBudget);
                    var sample = speechesToLearn.Where((_, i) => i % stride == 0).Select(s => s.Text).ToList();
                    var training = new VectorTrainingOptions();
                    var trained = VectorTrainer.Train(sample, segmenter, training,
                        string.Create(CultureInfo.InvariantCulture, $"learned from this archive at index time: {sample.Count:N0} of {speechesToLearn.Count:N0} speeches, {characters:N0} characters, {DateTime.UtcNow:yyyy-MM-dd}"));
                    if (trained.Count >= MinimumWords && trained.Dimensions == training.Dimensions)
                    {
                        words = trained;
                        using var bytes = new MemoryStream();
                        words.Write(bytes);
                        store.SetVectors(WordsRow, bytes.ToArray());
                    }
                    else
                    {
                        wantArchive = false; // too few words recur to learn from: the base serves
                    }
                }

                var extended = false;
                if (!wantArchive)
                {
                    // The base vectors, extended with the archive's words they do not know (read from their contexts).
                    words = WordVectors.Base is { } known
                        ? VectorTrainer.Extend(known, speechesToLearn.Select(s => s.Text), segmenter, new VectorTrainingOptions())
                        : null;
                    if (words is not null)
                    {
                        extended = true;
                        using var bytes = new MemoryStream();
                        words.Write(bytes);
                        store.SetVectors(WordsRow, bytes.ToArray());
                    }
                    else
                    {
                        words = WordVectors.Base;
                        store.DeleteVectors(WordsRow);
                    }
                }

                learnSeconds = clock.Elapsed.TotalSeconds;
                generation++;
                store.SetMeta(MetaKey.VectorModel, wantArchive ? ArchiveModel : extended ? ExtendedModel : BaseModel);
                store.SetMeta(MetaKey.VectorGeneration, generation.ToString(CultureInfo.InvariantCulture));
                store.SetMeta(MetaKey.VectorCharacters, characters.ToString(CultureInfo.InvariantCulture));
                store.SetMeta(MetaKey.VectorLearned, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            }
            else
            {
                words = storedWords is null ? WordVectors.Base : WordVectors.Read(new MemoryStream(storedWords), $"{store.DatabasePath}: vectors '{WordsRow}'");
            }

            cancellation.ThrowIfCancellationRequested();
            if (words is null)
            {
                store.Commit();
                return null;
            }

            var spans = store.ReadPassageSpans();
            var ids = spans.Select(s => s.Id).ToArray();
            var stored = due || store.GetMeta(MetaKey.VectorLexicon) != lexiconKey ? null : store.GetVectors(PassagesRow);
            var previous = stored is null ? null : PassageVectorTable.FromBytes(stored, $"{store.DatabasePath}: vectors '{PassagesRow}'");
            var texts = previous is null
                ? AllTexts().ToDictionary(s => s.Id, s => s.Text)
                : store.ReadTexts(spans.Where(s => !previous.Contains(s.Id)).Select(s => s.Speech));
            string TextAt(int i) => texts[spans[i].Speech][spans[i].Start..spans[i].End];
            var (table, embedded) = previous is null
                ? (PassageVectorTable.Compute(ids, TextAt, words, segmenter), ids.Length)
                : previous.Update(ids, TextAt, words, segmenter);
            cancellation.ThrowIfCancellationRequested();
            store.SetVectors(PassagesRow, table.ToBytes());
            store.SetMeta(MetaKey.VectorLexicon, lexiconKey);
            store.SetMeta(MetaKey.VectorPassagesOf, store.Generation.ToString(CultureInfo.InvariantCulture));
            store.Commit();
            return new VectorRefresh(store.GetMeta(MetaKey.VectorModel)!, generation, due && wantArchive, learnSeconds, embedded, ids.Length);
        }
        catch
        {
            store.Rollback();
            throw;
        }
    }

    /// <summary>Whether the stored passage vectors are missing or older than the committed index (a run's vector stage failed or never ran).</summary>
    internal static bool Stale(IndexStore store) =>
        store.GetMeta(MetaKey.VectorPassagesOf) != store.Generation.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The model an index's committed state names, with its word vectors, and its passages' vectors when they match the
    /// passages <paramref name="passageIds"/> (else null: the snapshot embeds them when it loads); no model without any vectors.
    /// A stored part that cannot be read counts as absent: the base vectors serve, and the passages are embedded on load.
    /// </summary>
    internal static (MeaningModel? Model, PassageVectorTable? Passages) Read(IndexStore store, IReadOnlyList<long> passageIds)
    {
        try
        {
            return ReadStored(store, passageIds);
        }
        catch (SpeechArchiveException)
        {
            return (WordVectors.Base is { } known ? new MeaningModel(BaseModel, 0, 0, null, known) : null, null);
        }
    }

    private static (MeaningModel? Model, PassageVectorTable? Passages) ReadStored(IndexStore store, IReadOnlyList<long> passageIds)
    {
        var model = store.GetMeta(MetaKey.VectorModel);
        var generation = MetaNumber(store, MetaKey.VectorGeneration) ?? 0;
        var characters = MetaNumber(store, MetaKey.VectorCharacters) ?? 0;
        WordVectors? words = null;
        if (model is ArchiveModel or ExtendedModel && store.GetVectors(WordsRow) is { } bytes)
        {
            words = WordVectors.Read(new MemoryStream(bytes), $"{store.DatabasePath}: vectors '{WordsRow}'");
        }

        var stored = words is not null;
        words ??= WordVectors.Base;
        if (words is null)
        {
            return (null, null);
        }

        PassageVectorTable? passages = null;
        if (!Stale(store) && (stored || model == BaseModel) && store.GetVectors(PassagesRow) is { } table)
        {
            passages = PassageVectorTable.FromBytes(table, $"{store.DatabasePath}: vectors '{PassagesRow}'");
            if (!passages.Covers(passageIds) || passages.Dimensions != words.Dimensions)
            {
                passages = null;
            }
        }

        return (new MeaningModel(stored ? model! : BaseModel, stored || model == BaseModel ? generation : 0, characters,
            store.GetMeta(MetaKey.VectorLearned), words), passages);
    }

    private static long? MetaNumber(IndexStore store, MetaKey key) =>
        long.TryParse(store.GetMeta(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Fingerprint(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>
/// The word vectors that serve an index's ranking by meaning: <see cref="ArchiveVectors.BaseModel"/> (shipped with the
/// engine), <see cref="ArchiveVectors.ExtendedModel"/> (those and the archive's own words) or
/// <see cref="ArchiveVectors.ArchiveModel"/> (learned from the archive); <paramref name="Generation"/> counts the
/// models the index has had (0: none stored yet, the base serves); <paramref name="Characters"/> is the archive's size when
/// it was chosen or learned.
/// </summary>
public sealed record MeaningModel(string Kind, long Generation, long Characters, string? Learned, WordVectors Words);

/// <summary>What a run's vector stage did: the model serving, whether it was learned now, and how many passages were embedded.</summary>
public sealed record VectorRefresh(string Model, long Generation, bool Learned, double LearnSeconds, int Embedded, int Passages);
