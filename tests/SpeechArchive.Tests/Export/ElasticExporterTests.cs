using System.Text.Json;
using SpeechArchive.Export;
using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Export;

public sealed class ElasticExporterTests(ExportFixture export) : IClassFixture<ExportFixture>
{
    private static readonly string[] FacetFields = ["themes", "directive_types", "organization", "category", "category_label", "speaker", "source"];

    [Fact]
    public void WhenExporting_ShouldWriteATemplateWithTheEnginesAnalysisAndTheMappings()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.OutputDirectory, "index-template.json")));
        var root = doc.RootElement;

        Assert.Contains("speecharchive-passages", root.GetProperty("index_patterns").EnumerateArray().Select(p => p.GetString()));
        var analysis = root.GetProperty("template").GetProperty("settings").GetProperty("analysis");
        var bigrams = analysis.GetProperty("analyzer").GetProperty(ElasticAnalysis.BigramAnalyzer);
        Assert.Equal("standard", bigrams.GetProperty("tokenizer").GetString());
        Assert.Equal("pattern_replace", analysis.GetProperty("char_filter").GetProperty(bigrams.GetProperty("char_filter")[0].GetString()!).GetProperty("type").GetString());
        var filters = bigrams.GetProperty("filter").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(["cjk_width", "lowercase"], filters.Take(2));
        Assert.Equal("cjk_bigram", analysis.GetProperty("filter").GetProperty(filters[^1]).GetProperty("type").GetString());
        var words = analysis.GetProperty("analyzer").GetProperty(ElasticAnalysis.WordAnalyzer).GetProperty("filter")[0].GetString()!;
        var decompounder = analysis.GetProperty("filter").GetProperty(words);
        Assert.Equal("dictionary_decompounder", decompounder.GetProperty("type").GetString());
        Assert.Equal(export.Result.TemplateWords, decompounder.GetProperty("word_list").GetArrayLength());
        Assert.Contains("作风建设", decompounder.GetProperty("word_list").EnumerateArray().Select(w => w.GetString()));

        var properties = root.GetProperty("template").GetProperty("mappings").GetProperty("properties");
        var text = properties.GetProperty("text");
        Assert.Equal(ElasticAnalysis.BigramAnalyzer, text.GetProperty("analyzer").GetString());
        Assert.Equal(ElasticAnalysis.WordAnalyzer, text.GetProperty("fields").GetProperty("words").GetProperty("analyzer").GetString());
        Assert.All(FacetFields.Append("passage_id").Append("speech_id"), f => Assert.Equal("keyword", properties.GetProperty(f).GetProperty("type").GetString()));
        Assert.All(new[] { "year", "start", "end", "ordinal" }, f => Assert.Equal("integer", properties.GetProperty(f).GetProperty("type").GetString()));
        Assert.Equal("date", properties.GetProperty("date").GetProperty("type").GetString());
        Assert.Equal("text", properties.GetProperty("section").GetProperty("type").GetString());
        Assert.Equal("text", properties.GetProperty("title").GetProperty("type").GetString());
        var vector = properties.GetProperty("vector");
        Assert.Equal("dense_vector", vector.GetProperty("type").GetString());
        Assert.Equal(export.Snapshot.Meaning!.Words.Dimensions, vector.GetProperty("dims").GetInt32());
        Assert.Equal("cosine", vector.GetProperty("similarity").GetString());
        Assert.Equal(export.Snapshot.LabelOfTheme("conduct"), root.GetProperty("_meta").GetProperty("themes").GetProperty("conduct").GetString());
    }

    [Fact]
    public void WhenExporting_ShouldWriteTheOpenSearchAndSpeechTemplatesToo()
    {
        using var open = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.OutputDirectory, "opensearch-index-template.json")));
        using var speeches = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.OutputDirectory, "speeches-template.json")));

        var template = open.RootElement.GetProperty("template");
        Assert.True(template.GetProperty("settings").GetProperty("index").GetProperty("knn").GetBoolean());
        var vector = template.GetProperty("mappings").GetProperty("properties").GetProperty("vector");
        Assert.Equal("knn_vector", vector.GetProperty("type").GetString());
        Assert.Equal(export.Snapshot.Meaning!.Words.Dimensions, vector.GetProperty("dimension").GetInt32());
        Assert.Contains("speecharchive-speeches", speeches.RootElement.GetProperty("index_patterns").EnumerateArray().Select(p => p.GetString()));
        var properties = speeches.RootElement.GetProperty("template").GetProperty("mappings").GetProperty("properties");
        Assert.False(properties.GetProperty("text").GetProperty("index").GetBoolean());
    }

    [Fact]
    public void WhenExporting_ShouldWriteBulkFilesOfActionAndDocumentPairsWithinTheLimit()
    {
        var files = Directory.GetFiles(export.OutputDirectory, "*.ndjson").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([.. export.Result.PassageFiles, .. export.Result.SpeechFiles], files);
        Assert.True(export.Result.PassageFiles.Count > 1, "the fixture should need several files of seven");
        Assert.Equal("bulk-0001.ndjson", export.Result.PassageFiles[0]);
        using var passageTemplate = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.OutputDirectory, "index-template.json")));
        using var speechTemplate = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.OutputDirectory, "speeches-template.json")));
        foreach (var file in files)
        {
            var pairs = BulkFile.Read(Path.Combine(export.OutputDirectory, file!));
            Assert.InRange(pairs.Count, 1, ExportFixture.DocsPerFile);
            var template = file!.StartsWith("bulk-", StringComparison.Ordinal) ? passageTemplate : speechTemplate;
            var mapped = template.RootElement.GetProperty("template").GetProperty("mappings").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.All(pairs, p => Assert.Subset(mapped, p.Document.EnumerateObject().Select(f => f.Name).ToHashSet())); // the mapping is strict
        }
    }

    [Fact]
    public void WhenReadingTheExportBack_ShouldHoldEveryPassageOnceWithItsTextLabelsAndSection()
    {
        var index = export.Snapshot;
        var speechTexts = ReadAll(export.Result.SpeechFiles).ToDictionary(p => BulkFile.Id(p.Action), p => BulkFile.Text(p.Document, "text")!);
        var passages = ReadAll(export.Result.PassageFiles);

        Assert.All(passages, p => Assert.Equal("speecharchive-passages", BulkFile.Index(p.Action)));
        Assert.Equal(index.Passages.Select(p => p.Id).Order(StringComparer.Ordinal), passages.Select(p => BulkFile.Id(p.Action)).Order(StringComparer.Ordinal));
        foreach (var (action, document) in passages)
        {
            var p = index.Passages[index.FindPassage(BulkFile.Id(action))!.Value];
            var speech = index.Speeches[p.Speech];
            var (start, end) = (document.GetProperty("start").GetInt32(), document.GetProperty("end").GetInt32());
            Assert.Equal(p.Id, BulkFile.Text(document, "passage_id"));
            Assert.Equal(speech.Id, BulkFile.Text(document, "speech_id"));
            Assert.Equal((p.Start, p.End), (start, end));
            Assert.Equal(speech.Text[start..end], BulkFile.Text(document, "text"));
            Assert.Equal(speechTexts[speech.Id][start..end], BulkFile.Text(document, "text"));
            Assert.Equal(p.Ordinal, document.GetProperty("ordinal").GetInt32());
            Assert.Equal(p.SectionPath, BulkFile.Text(document, "section"));
            Assert.Equal(p.PointLabel, BulkFile.Text(document, "point_label"));
            Assert.Equal(p.Themes, BulkFile.Strings(document, "themes"));
            Assert.Equal(p.DirectiveTypes, BulkFile.Strings(document, "directive_types"));
            Assert.Equal(speech.Title, BulkFile.Text(document, "title"));
            Assert.Equal(speech.Year, document.TryGetProperty("year", out var y) ? y.GetInt32() : null);
        }

        Assert.Contains(passages, p => BulkFile.Strings(p.Document, "themes").Count > 0);
        Assert.Contains(passages, p => BulkFile.Text(p.Document, "section")!.Length > 0);
    }

    [Fact]
    public void WhenReadingTheExportBack_ShouldKeepEverySpeechsMetadata()
    {
        var index = export.Snapshot;
        var speeches = ReadAll(export.Result.SpeechFiles);

        Assert.Equal(index.Speeches.Count, speeches.Count);
        Assert.All(speeches, p => Assert.Equal("speecharchive-speeches", BulkFile.Index(p.Action)));
        foreach (var (action, document) in speeches)
        {
            var s = index.FindSpeech(BulkFile.Id(action))!;
            Assert.Equal(s.Id, BulkFile.Text(document, "speech_id"));
            Assert.Equal(s.FileKey, BulkFile.Text(document, "file"));
            Assert.Equal(s.Title, BulkFile.Text(document, "title"));
            Assert.Equal(s.Date, BulkFile.Text(document, "date"));
            Assert.Equal(s.Year, document.TryGetProperty("year", out var y) ? y.GetInt32() : null);
            Assert.Equal(s.Speaker, BulkFile.Text(document, "speaker"));
            Assert.Equal(s.Organization, BulkFile.Text(document, "organization"));
            Assert.Equal(s.Category, BulkFile.Text(document, "category"));
            Assert.Equal(s.CategoryLabel, BulkFile.Text(document, "category_label"));
            Assert.Equal(s.Meeting, BulkFile.Text(document, "meeting"));
            Assert.Equal(s.Source, BulkFile.Text(document, "origin"));
            Assert.Equal(s.Tags, BulkFile.Strings(document, "tags"));
            Assert.Equal(s.Text, BulkFile.Text(document, "text"));
            Assert.Equal(s.Passages.Select(i => index.Passages[i].Id), BulkFile.Strings(document, "passage_ids"));
            Assert.Equal(s.Sections.Select(x => (x.Heading, x.Start, x.End)),
                document.GetProperty("sections").EnumerateArray().Select(x => (x.GetProperty("heading").GetString()!, x.GetProperty("start").GetInt32(), x.GetProperty("end").GetInt32())));
            var shares = document.GetProperty("theme_shares").EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!, x => x.GetProperty("share").GetDouble());
            Assert.Equal(s.ThemeShares.OrderBy(kv => kv.Key, StringComparer.Ordinal), shares.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }

        var report = speeches.Single(p => BulkFile.Text(p.Document, "title") == "政府工作报告").Document;
        Assert.Equal("2023-03-05", BulkFile.Text(report, "date"));
        Assert.Equal("政府工作报告", BulkFile.Text(report, "category_label"));
        Assert.Equal(["国务院", "政府工作报告"], BulkFile.Strings(report, "source"));
    }

    [Fact]
    public void WhenTheIndexHasAMeaningModel_ShouldGiveTheVectorsTheTemplatesDimsAndUnitLength()
    {
        var dims = export.Snapshot.Meaning!.Words.Dimensions;
        var vectors = ReadAll(export.Result.PassageFiles)
            .Where(p => p.Document.TryGetProperty("vector", out _))
            .Select(p => p.Document.GetProperty("vector").EnumerateArray().Select(x => x.GetDouble()).ToArray())
            .ToList();

        Assert.Equal(export.Result.Vectors, vectors.Count);
        Assert.True(vectors.Count >= export.Snapshot.Passages.Count * 0.9, $"{vectors.Count} vectors for {export.Snapshot.Passages.Count} passages");
        Assert.All(vectors, v =>
        {
            Assert.Equal(dims, v.Length);
            Assert.InRange(Math.Sqrt(v.Sum(x => x * x)), 1 - 1e-3, 1 + 1e-3);
        });
    }

    [Fact]
    public void WhenExporting_ShouldLeaveAReadmeALexiconAndAManifest()
    {
        var readme = File.ReadAllText(Path.Combine(export.OutputDirectory, "README.md"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.OutputDirectory, "export.json")));

        Assert.Contains("_index_template/speecharchive-passages", readme, StringComparison.Ordinal);
        Assert.Contains("application/x-ndjson", readme, StringComparison.Ordinal);
        Assert.Contains("\"post_filter\"", readme, StringComparison.Ordinal);
        Assert.True(manifest.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(export.Snapshot.Passages.Count, manifest.RootElement.GetProperty("passages").GetInt32());
        var lexicon = File.ReadAllLines(Path.Combine(export.OutputDirectory, "lexicon.txt"));
        Assert.Equal(export.Result.LexiconWords, lexicon.Length);
        Assert.True(lexicon.Length > export.Result.TemplateWords);
    }

    [Fact]
    public void WhenTheIndexIsEmpty_ShouldWriteTheTemplatesAndNoDocuments()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("corpus"));
        Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") });
        var index = IndexSnapshot.Load(temp.Combine("index"));

        var result = ElasticExporter.Export(index, new ElasticExportOptions { OutputDirectory = temp.Combine("out") });

        Assert.Equal((0, 0, 0), (result.Passages, result.Speeches, result.Vectors));
        Assert.Empty(result.PassageFiles);
        Assert.Empty(result.SpeechFiles);
        Assert.Empty(Directory.GetFiles(temp.Combine("out"), "*.ndjson"));
        using var template = JsonDocument.Parse(File.ReadAllText(temp.Combine("out", "index-template.json")));
        var properties = template.RootElement.GetProperty("template").GetProperty("mappings").GetProperty("properties");
        Assert.False(properties.GetProperty("text").TryGetProperty("fields", out _), "no word field without words");
        Assert.True(File.Exists(temp.Combine("out", "README.md")));
    }

    [Fact]
    public void WhenTheFolderHoldsOtherFiles_ShouldRefuseNamingItAndTouchNothing()
    {
        using var temp = new TempFolder();
        var output = temp.Combine("notes");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "bulk-0001.ndjson"), "mine");

        var e = Assert.Throws<SpeechArchiveException>(() => ElasticExporter.Export(export.Snapshot, new ElasticExportOptions { OutputDirectory = output }));

        Assert.Contains(output, e.Message, StringComparison.Ordinal);
        Assert.Equal(["bulk-0001.ndjson"], Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "bulk-0001.ndjson")));
    }

    [Fact]
    public void WhenExportingOverAPreviousExport_ShouldReplaceItsFilesAndKeepOthers()
    {
        using var temp = new TempFolder();
        var output = temp.Combine("out");
        var first = ElasticExporter.Export(export.Snapshot, new ElasticExportOptions { OutputDirectory = output, DocsPerFile = 3 });
        File.WriteAllText(Path.Combine(output, "notes.txt"), "kept");

        var second = ElasticExporter.Export(export.Snapshot, new ElasticExportOptions { OutputDirectory = output });

        Assert.True(first.PassageFiles.Count > 1);
        Assert.Equal(["bulk-0001.ndjson"], second.PassageFiles);
        Assert.Equal([.. second.PassageFiles, .. second.SpeechFiles], Directory.GetFiles(output, "*.ndjson").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal(export.Snapshot.Passages.Count, BulkFile.Read(Path.Combine(output, "bulk-0001.ndjson")).Count);
    }

    private List<(JsonElement Action, JsonElement Document)> ReadAll(IEnumerable<string> files) =>
        [.. files.SelectMany(f => BulkFile.Read(Path.Combine(export.OutputDirectory, f)))];
}
