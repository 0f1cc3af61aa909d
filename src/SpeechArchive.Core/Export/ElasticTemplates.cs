using System.Text.Json.Nodes;
using SpeechArchive.Search;

namespace SpeechArchive.Export;

/// <summary>
/// The composable index templates (<c>PUT _index_template/NAME</c>) of the two indices an export fills: one document per
/// passage (what is searched, faceted and ranked) and one per speech (what a reader page shows).
/// </summary>
public static class ElasticTemplates
{
    /// <summary>The template of the passages' index: the analysis, the facets as keyword fields and, with <paramref name="dimensions"/>, the passage vector.</summary>
    public static JsonObject Passages(IndexSnapshot index, string indexName, IReadOnlyList<string> words, int? dimensions, bool openSearch = false)
    {
        ArgumentNullException.ThrowIfNull(index);
        // Without words (an empty archive) there is no word field: a decompounder needs a word list.
        var settings = new JsonObject { ["analysis"] = ElasticAnalysis.Settings(words.Count > 0 ? words : null) };
        var text = new JsonObject { ["type"] = "text", ["analyzer"] = ElasticAnalysis.BigramAnalyzer, ["index_options"] = "offsets" };
        if (words.Count > 0)
        {
            text["fields"] = new JsonObject { ["words"] = new JsonObject { ["type"] = "text", ["analyzer"] = ElasticAnalysis.WordAnalyzer } };
        }

        var properties = new JsonObject
        {
            ["passage_id"] = Keyword(),
            ["speech_id"] = Keyword(),
            ["ordinal"] = Integer(),
            ["start"] = Integer(),
            ["end"] = Integer(),
            ["text"] = text,
            ["section"] = TextAndKeyword(),
            ["point_label"] = Keyword(),
            ["themes"] = Keyword(),
            ["directive_types"] = Keyword(),
        };
        foreach (var (name, mapping) in SpeechFacets())
        {
            properties[name] = mapping;
        }

        if (dimensions is { } d)
        {
            if (openSearch)
            {
                settings["index"] = new JsonObject { ["knn"] = true };
                properties["vector"] = new JsonObject
                {
                    ["type"] = "knn_vector",
                    ["dimension"] = d,
                    ["method"] = new JsonObject { ["name"] = "hnsw", ["space_type"] = "cosinesimil", ["engine"] = "lucene" },
                };
            }
            else
            {
                properties["vector"] = new JsonObject { ["type"] = "dense_vector", ["dims"] = d, ["index"] = true, ["similarity"] = "cosine" };
            }
        }

        var meta = new JsonObject
        {
            ["description"] = "Passages of a SpeechArchive (讲话检索) index, one document each; written by `speecharchive export --format elasticsearch`.",
            ["source_generation"] = index.Generation,
            ["vector_model"] = index.Meaning is { } m && dimensions is not null ? $"{m.Kind}, generation {m.Generation}" : null,
            // The lexicon's words that the archive's text holds (lexicon.txt has them all): a word found nowhere would match nothing.
            ["word_list_words"] = words.Count,
            ["themes"] = Labels(index.Themes),
            ["directive_types"] = Labels(index.DirectiveTypes),
            ["analysis_differences"] = new JsonArray([.. ElasticAnalysis.Differences.Select(s => (JsonNode)s)]),
        };
        return Template(indexName, settings, properties, meta);
    }

    /// <summary>The template of the speeches' index: metadata, theme shares, the whole text and the sections, for a reader page.</summary>
    public static JsonObject Speeches(IndexSnapshot index, string indexName)
    {
        ArgumentNullException.ThrowIfNull(index);
        var properties = new JsonObject
        {
            ["speech_id"] = Keyword(),
            ["file"] = Keyword(),
            ["meeting"] = Keyword(),
            ["origin"] = Keyword(),
            ["tags"] = Keyword(),
            ["characters"] = Integer(),
            ["themes"] = Keyword(),
            ["theme_shares"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
            ["sections"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
            ["passage_ids"] = Keyword(),
            // Kept for the reader page only: the passages' index is where the text is searched.
            ["text"] = new JsonObject { ["type"] = "text", ["index"] = false },
        };
        foreach (var (name, mapping) in SpeechFacets())
        {
            properties[name] = mapping;
        }

        var meta = new JsonObject
        {
            ["description"] = "Speeches of a SpeechArchive (讲话检索) index, one document each (a passage's start and end index into text); written by `speecharchive export --format elasticsearch`.",
            ["source_generation"] = index.Generation,
            ["themes"] = Labels(index.Themes),
        };
        return Template(indexName, new JsonObject { ["analysis"] = ElasticAnalysis.Settings(null) }, properties, meta);
    }

    /// <summary>The speech's fields both indices carry: on a passage they are its facets, on a speech its metadata.</summary>
    private static IEnumerable<(string Name, JsonObject Mapping)> SpeechFacets() =>
    [
        ("title", TextAndKeyword()),
        ("date", new JsonObject { ["type"] = "date", ["format"] = "strict_date" }),
        ("year", Integer()),
        ("speaker", Keyword()),
        ("organization", Keyword()),
        ("category", Keyword()),
        ("category_label", Keyword()),
        // The engine's one 单位/类别 dimension: the organisation and the category's label, so a filter on either is ORed.
        ("source", Keyword()),
    ];

    private static JsonObject Template(string indexName, JsonObject settings, JsonObject properties, JsonObject meta) => new()
    {
        ["index_patterns"] = new JsonArray(indexName, indexName + "-*"),
        ["priority"] = 200,
        ["_meta"] = meta,
        ["template"] = new JsonObject
        {
            ["settings"] = settings,
            ["mappings"] = new JsonObject { ["dynamic"] = "strict", ["properties"] = properties },
        },
    };

    private static JsonObject Labels(IEnumerable<LabelInfo> labels)
    {
        var o = new JsonObject();
        foreach (var l in labels)
        {
            o[l.Id] = l.Label;
        }

        return o;
    }

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Integer() => new() { ["type"] = "integer" };

    private static JsonObject TextAndKeyword() => new()
    {
        ["type"] = "text",
        ["analyzer"] = ElasticAnalysis.BigramAnalyzer,
        ["fields"] = new JsonObject { ["keyword"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 1024 } },
    };
}
