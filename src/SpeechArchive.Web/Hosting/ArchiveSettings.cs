namespace SpeechArchive.Web.Hosting;

/// <summary>The <c>SpeechArchive</c> configuration section: where the corpus and the index are, and the admin token.</summary>
internal sealed class ArchiveSettings
{
    public const string Section = "SpeechArchive";

    /// <summary>Corpus folder of .md/.txt speeches; relative paths are resolved by <see cref="ArchivePaths"/>.</summary>
    public string Corpus { get; set; } = "corpus";

    /// <summary>Index folder; built on start when it holds no index.</summary>
    public string Index { get; set; } = "index";

    /// <summary>Token for the admin pages and endpoints; empty turns administration off.</summary>
    public string? AdminToken { get; set; }

    /// <summary>
    /// When the index file is found damaged at start: true rebuilds it from the corpus before serving (the damaged file is
    /// set aside); false (the default) serves a page that says so, and the admin's 完全重建 rebuilds it.
    /// </summary>
    public bool RebuildDamagedIndex { get; set; }

    /// <summary>Runs SQLite's quick check of the index file at start (seconds for a large index), so damage is found before a request meets it.</summary>
    public bool CheckIndexAtStart { get; set; }
}
