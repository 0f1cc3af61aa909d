namespace SpeechArchive.Web.Hosting;

/// <summary>The web app's log messages (source-generated: no work when the level is off).</summary>
internal static partial class ArchiveLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Corpus: {Corpus}; index: {Index}")]
    public static partial void Paths(this ILogger logger, string corpus, string index);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-protection keys: {Folder} ({Protection})")]
    public static partial void Keys(this ILogger logger, string folder, string protection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot keep the data-protection keys in {Folder} ({Reason}); keeping them in {Fallback}")]
    public static partial void KeysElsewhere(this ILogger logger, string folder, string fallback, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus folder {Corpus} does not exist; created it empty. Add .md/.txt files (or upload them in /admin) and reindex, or set SpeechArchive:Corpus.")]
    public static partial void CorpusCreated(this ILogger logger, string corpus);

    [LoggerMessage(Level = LogLevel.Information, Message = "No index in {Index}: building one from {Corpus} before serving")]
    public static partial void BuildingIndex(this ILogger logger, string index, string corpus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Speeches} speeches, {Passages} passages (index generation {Generation})")]
    public static partial void Serving(this ILogger logger, int speeches, int passages, long generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index generation {Generation} loaded in {Seconds:0.00} s ({Stages})")]
    public static partial void Loaded(this ILogger logger, long generation, double seconds, string stages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search: packed rows, facet tables, title and heading postings and the query segmenter built in {Seconds:0.00} s ({Stages})")]
    public static partial void SearchReady(this ILogger logger, double seconds, string stages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Understanding: the descriptions of {Formulations} formulations read in {Seconds:0.00} s")]
    public static partial void UnderstandingReady(this ILogger logger, int formulations, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing {Part} failed in the background")]
    public static partial void PrepareFailed(this ILogger logger, string part, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meaning: vectors of {Passages} passages ready in {Seconds:0.00} s, {Cells} (word vectors: {Vectors})")]
    public static partial void MeaningReady(this ILogger logger, int passages, double seconds, string cells, string vectors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meaning: the passages' vectors could not be built in the background")]
    public static partial void MeaningFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Could not load the index; stopping")]
    public static partial void OpenFailed(this ILogger logger, Exception exception);

    /// <summary>A damaged index found at start, and what the app does about it.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "The index is damaged; {Action}: {Reason}")]
    public static partial void IndexDamaged(this ILogger logger, string action, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex started (rebuild: {Rebuild})")]
    public static partial void ReindexStarted(this ILogger logger, bool rebuild);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reindex failed; the previous index stays in service")]
    public static partial void ReindexFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index run finished in {Seconds:F1} s: {Added} added, {Updated} updated, {Removed} removed, {Failed} failed; {Speeches} speeches, generation {Generation}")]
    public static partial void RunFinished(this ILogger logger, double seconds, int added, int updated, int removed, int failed, int speeches, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not indexed: {File}: {Reason}")]
    public static partial void NotIndexed(this ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexing: {Stage} {Done}/{Total}")]
    public static partial void Progress(this ILogger logger, string stage, int done, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin token configured (SpeechArchive:AdminToken, env SpeechArchive__AdminToken): the admin pages and /api/admin are off.")]
    public static partial void AdminOff(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin signed in from {Client}")]
    public static partial void SignedIn(this ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed admin sign-in from {Client}")]
    public static partial void SignInFailed(this ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Thesaurus not used, the built-in one serves instead: {Reason}")]
    public static partial void ThesaurusFailed(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload stored: {Target} ({Bytes} bytes)")]
    public static partial void UploadStored(this ILogger logger, string target, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload deleted: {Target}")]
    public static partial void UploadDeleted(this ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload: {Path} could not be written or deleted")]
    public static partial void UploadFailed(this ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload: the temporary copy of {Name} could not be read: {Reason}")]
    public static partial void UploadUnreadable(this ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {Index} was written by another indexing pipeline: serving it while it is read again in the background")]
    public static partial void ReindexingOtherPipeline(this ILogger logger, string index);
}
