namespace SpeechArchive.Storage;

/// <summary>
/// A key of the index's <c>meta</c> table. Every key the program reads or writes is one of the instances below, so the
/// table's contents are listed in one place and a misspelt key cannot compile.
/// </summary>
internal sealed class MetaKey
{
    private MetaKey(string name) => Name = name;

    /// <summary>The key as stored.</summary>
    public string Name { get; }

    /// <summary>The <see cref="Schema.Version"/> the file was made or migrated to.</summary>
    public static readonly MetaKey SchemaVersion = new("schema_version");

    /// <summary>Counts committed runs: a reader reloads when it changes.</summary>
    public static readonly MetaKey Generation = new("generation");

    /// <summary>
    /// A random value (16 hex digits) written with each generation: with it, the generation names one commit of one database,
    /// so the files a load derives from it beside the index (<see cref="SpeechRowFile"/>) are found without reading a row.
    /// Absent in an index last committed before it existed (its loads read the rows).
    /// </summary>
    public static readonly MetaKey GenerationStamp = new("generation_stamp");

    /// <summary>The indexer's pipeline version that wrote the rows: another one reparses every file.</summary>
    public static readonly MetaKey PipelineVersion = new("pipeline_version");

    /// <summary>The fingerprint of the taxonomy the passages were labelled with: another one relabels them.</summary>
    public static readonly MetaKey LabelsFingerprint = new("labels_fingerprint");

    /// <summary>The taxonomy (YAML) the passages were labelled with, so label reasons can be recomputed when loading.</summary>
    public static readonly MetaKey TaxonomyYaml = new("taxonomy_yaml");

    /// <summary>The themes of that taxonomy, in order, as JSON <c>[{id, label}]</c>.</summary>
    public static readonly MetaKey Themes = new("themes");

    /// <summary>The directive types of that taxonomy, in order, as JSON <c>[{id, label}]</c>.</summary>
    public static readonly MetaKey DirectiveTypes = new("directive_types");

    /// <summary>The next passage row id: ids are never reused, so postings ids only grow.</summary>
    public static readonly MetaKey NextPassageId = new("next_passage_id");

    /// <summary>The words learned from the archive's own text (the lexicon TSV), merged over the base lexicon on load.</summary>
    public static readonly MetaKey Lexicon = new("lexicon");

    /// <summary>How many characters the stored lexicon was learned from: it is learned again when the archive grew or shrank enough.</summary>
    public static readonly MetaKey LexiconCharacters = new("lexicon_characters");

    /// <summary>The text of <c>corpus/lexicon.txt</c> (words added or banned) in force.</summary>
    public static readonly MetaKey LexiconEdits = new("lexicon_edits");

    /// <summary>The text of <c>corpus/categories.tsv</c> (the categories' labels) in force.</summary>
    public static readonly MetaKey CategoryLabels = new("category_labels");

    /// <summary>Which word vectors serve ranking by meaning: <c>base</c> (shipped with the engine) or <c>archive</c> (learned from this archive, the <c>words</c> row of the vectors table).</summary>
    public static readonly MetaKey VectorModel = new("vector_model");

    /// <summary>Counts the meaning models this index has had: a new one each time the model is learned again or changes kind.</summary>
    public static readonly MetaKey VectorGeneration = new("vector_generation");

    /// <summary>How many characters the archive held when the serving model was chosen or learned (it is learned again when that changed enough).</summary>
    public static readonly MetaKey VectorCharacters = new("vector_characters");

    /// <summary>When the serving model was chosen or learned (ISO 8601, UTC).</summary>
    public static readonly MetaKey VectorLearned = new("vector_learned");

    /// <summary>The fingerprints of the lexicon the passages' stored vectors were cut with and of the word vectors they were embedded with: another of either embeds them all again.</summary>
    public static readonly MetaKey VectorLexicon = new("vector_lexicon");

    /// <summary>The index generation the passages' stored vectors match; another one (a run whose vector stage failed) is not used.</summary>
    public static readonly MetaKey VectorPassagesOf = new("vector_passages_of");

    /// <summary>The index generation the passages' stored cells (or their absence, below the size for cells) were decided for; another one has the next run decide.</summary>
    public static readonly MetaKey VectorCellsOf = new("vector_cells_of");

    public override string ToString() => Name;
}
