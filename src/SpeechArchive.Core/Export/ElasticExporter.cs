using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpeechArchive.Search;

namespace SpeechArchive.Export;

/// <summary>
/// Writes an index as what an Elasticsearch 8 or OpenSearch cluster loads: the index templates (this engine's analysis from
/// stock parts, the facets as keyword fields, the passage vector), bulk files of passages and of speeches, the lexicon as a
/// word list, and a README with the commands (docs/scaling.md).
/// </summary>
public static class ElasticExporter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Exports <paramref name="index"/> into <see cref="ElasticExportOptions.OutputDirectory"/>; refuses a folder that is neither empty nor an export's.</summary>
    public static ElasticExportResult Export(IndexSnapshot index, ElasticExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        if (options.DocsPerFile < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DocsPerFile, "DocsPerFile must be at least 1");
        }

        var clock = Stopwatch.StartNew();
        var directory = options.OutputDirectory;
        ExportFolder.Prepare(directory);
        ExportFolder.WriteManifest(directory, new JsonObject { ["complete"] = false });

        var passageIndex = options.IndexPrefix + "-passages";
        var speechIndex = options.IndexPrefix + "-speeches";
        var lexicon = ElasticAnalysis.WordList(index.Lexicon);
        var words = ArchiveWords.Found(lexicon, index.Speeches.Select(s => s.Text));
        var dimensions = index.Meaning?.Words.Dimensions;
        WriteJson(directory, "index-template.json", ElasticTemplates.Passages(index, passageIndex, words, dimensions));
        WriteJson(directory, "opensearch-index-template.json", ElasticTemplates.Passages(index, passageIndex, words, dimensions, openSearch: true));
        WriteJson(directory, "speeches-template.json", ElasticTemplates.Speeches(index, speechIndex));
        File.WriteAllText(Path.Combine(directory, "lexicon.txt"), lexicon.Count == 0 ? "" : string.Join('\n', lexicon) + "\n", Utf8);

        var meaning = index.Passages.Count > 0 && dimensions is not null ? index.MeaningVectors : null;
        var vectors = 0;
        IReadOnlyList<string> passageFiles;
        using (var bulk = new BulkFileWriter(directory, "bulk", passageIndex, options.DocsPerFile, options.MaxFileBytes))
        {
            for (var i = 0; i < index.Passages.Count; i++)
            {
                var vector = meaning?.VectorOf(i);
                if (vector is not null && !IsUnit(vector))
                {
                    vector = null; // no word of the passage has a vector: cosine similarity refuses a zero vector
                }

                vectors += vector is null ? 0 : 1;
                var passage = i;
                bulk.Add(index.Passages[i].Id, json => ElasticDocuments.WritePassage(json, index, passage, vector));
            }

            passageFiles = bulk.Files;
        }

        IReadOnlyList<string> speechFiles;
        using (var bulk = new BulkFileWriter(directory, "speeches", speechIndex, options.DocsPerFile, options.MaxFileBytes))
        {
            for (var i = 0; i < index.Speeches.Count; i++)
            {
                var speech = i;
                bulk.Add(index.Speeches[i].Id, json => ElasticDocuments.WriteSpeech(json, index, speech));
            }

            speechFiles = bulk.Files;
        }

        var result = new ElasticExportResult
        {
            OutputDirectory = Path.GetFullPath(directory),
            PassageIndex = passageIndex,
            SpeechIndex = speechIndex,
            Passages = index.Passages.Count,
            Speeches = index.Speeches.Count,
            Vectors = vectors,
            Dimensions = dimensions,
            VectorModel = dimensions is null ? null : index.Meaning!.Kind,
            LexiconWords = lexicon.Count,
            TemplateWords = words.Count,
            PassageFiles = passageFiles,
            SpeechFiles = speechFiles,
            Files = [.. ExportFolder.FixedNames, .. passageFiles, .. speechFiles],
            Bytes = 0,
            Seconds = 0,
        };
        File.WriteAllText(Path.Combine(directory, "README.md"), ElasticReadme.Build(result), Utf8);
        result = result with
        {
            Bytes = result.Files.Sum(f => new FileInfo(Path.Combine(directory, f)) is { Exists: true } info ? info.Length : 0),
            Seconds = clock.Elapsed.TotalSeconds,
        };
        ExportFolder.WriteManifest(directory, Manifest(index, result));
        return result;
    }

    private static JsonObject Manifest(IndexSnapshot index, ElasticExportResult result) => new()
    {
        ["complete"] = true,
        ["index"] = index.IndexDirectory,
        ["generation"] = index.Generation,
        ["exported_at"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["passage_index"] = result.PassageIndex,
        ["speech_index"] = result.SpeechIndex,
        ["passages"] = result.Passages,
        ["speeches"] = result.Speeches,
        ["vectors"] = result.Vectors,
        ["dimensions"] = result.Dimensions,
        ["vector_model"] = result.VectorModel,
        ["lexicon_words"] = result.LexiconWords,
        ["template_words"] = result.TemplateWords,
        ["files"] = new JsonArray([.. result.Files.Select(f => (JsonNode)f)]),
    };

    private static void WriteJson(string directory, string name, JsonObject value)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = ElasticDocuments.WriterOptions.Encoder };
        File.WriteAllText(Path.Combine(directory, name), value.ToJsonString(options) + "\n", Utf8);
    }

    private static bool IsUnit(float[] vector)
    {
        var sum = 0.0;
        foreach (var x in vector)
        {
            sum += x * x;
        }

        return Math.Abs(sum - 1) < 1e-3;
    }
}
