using System.Globalization;

namespace SpeechArchive.Export;

/// <summary>The README an export leaves in its folder: what the files are, the commands that load them, and how to query them.</summary>
internal static class ElasticReadme
{
    public static string Build(ElasticExportResult r)
    {
        var vectors = r.Dimensions is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{r.Vectors:N0} of them with a {d}-dimension vector ({r.VectorModel} model)")
            : "no vectors (the index has no meaning model)";
        var passages = r.PassageIndex;
        var speeches = r.SpeechIndex;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            # SpeechArchive export for Elasticsearch 8 / OpenSearch

            Written by `speecharchive export --format elasticsearch`: {{r.Passages:N0}} passages of {{r.Speeches:N0}} speeches, {{vectors}};
            {{r.TemplateWords:N0}} words in the word list of `text.words` (the lexicon's words the archive holds; `lexicon.txt` has all
            {{r.LexiconWords:N0}}). See docs/scaling.md in the SpeechArchive repository for what maps to what.

            | file | what it is |
            | --- | --- |
            | `index-template.json` | composable index template of `{{passages}}` (Elasticsearch 8): the analysis, the mappings, `dense_vector` |
            | `opensearch-index-template.json` | the same for OpenSearch (`knn_vector`, `index.knn`) |
            | `speeches-template.json` | composable index template of `{{speeches}}`: metadata, theme shares, sections and the whole text |
            | `bulk-0001.ndjson` … ({{r.PassageFiles.Count}}) | bulk files of passages, one document per passage, `_id` = passage id |
            | `speeches-0001.ndjson` … ({{r.SpeechFiles.Count}}) | bulk files of speeches, `_id` = speech id; a passage's `start`/`end` index into its speech's `text` (UTF-16 units, as Java strings count) |
            | `lexicon.txt` | the lexicon's words, one a line: a user dictionary for the IK plugin (`ext_dict`), or a `word_list_path` for the decompounder |
            | `export.json` | what was exported, from which index; marks this folder as an export's |

            Speeches are an index of their own: a speech document and a passage document have different fields, and in one index
            the speeches' long texts would weigh in the passages' BM25 statistics and every search would need a type filter.

            ## Load

            ```sh
            ES=http://localhost:9200
            curl -fsS -X PUT "$ES/_index_template/{{passages}}" -H 'Content-Type: application/json' --data-binary @index-template.json
            curl -fsS -X PUT "$ES/_index_template/{{speeches}}" -H 'Content-Type: application/json' --data-binary @speeches-template.json
            for f in bulk-*.ndjson speeches-*.ndjson; do
              [ -e "$f" ] || continue
              curl -fsS -H 'Content-Type: application/x-ndjson' -X POST "$ES/_bulk?filter_path=errors,items.*.error" --data-binary @"$f"; echo
            done
            curl -fsS -X POST "$ES/{{passages}},{{speeches}}/_refresh"
            curl -fsS "$ES/{{passages}}/_count"
            ```

            On OpenSearch, put `opensearch-index-template.json` instead of `index-template.json`. A template applies when an
            index is created: to load a newer export, delete the two indices first (`curl -X DELETE "$ES/{{passages}},{{speeches}}"`).
            Each response should say `{"errors":false}`.

            ## Query

            Phrases as this engine matches them: `match_phrase` on `text` (CJK bigrams bridging in-sentence punctuation, so
            不敢腐不能腐 finds 不敢腐、不能腐). Words: `match` on `text.words`. Facets: `themes`, `directive_types`, `year`,
            `organization`, `category_label` and `source` (organisation or category, the engine's one 单位/类别 dimension) are
            keyword or integer fields; the labels of theme and directive type ids are in the template's `_meta`.

            Drill-sideways facets are a `post_filter` and filtered aggregations: the query alone decides which passages the
            aggregations see; the selected filters go in `post_filter`, so they narrow the hits but not the counts; each facet's
            aggregation is filtered by every selected filter except its own. With year 2022 selected, the year facet still counts
            the other years for the same phrase:

            ```json
            POST {{passages}}/_search
            {
              "query": { "match_phrase": { "text": "作风建设" } },
              "post_filter": { "term": { "year": 2022 } },
              "aggs": {
                "year": { "terms": { "field": "year", "size": 100, "order": { "_key": "desc" } } },
                "themes": {
                  "filter": { "term": { "year": 2022 } },
                  "aggs": { "values": { "terms": { "field": "themes", "size": 50 } } }
                },
                "directive_types": {
                  "filter": { "term": { "year": 2022 } },
                  "aggs": { "values": { "terms": { "field": "directive_types", "size": 50 } } }
                },
                "source": {
                  "filter": { "term": { "year": 2022 } },
                  "aggs": { "values": { "terms": { "field": "source", "size": 50 } } }
                },
                "speeches": {
                  "filter": { "term": { "year": 2022 } },
                  "aggs": { "count": { "cardinality": { "field": "speech_id" } } }
                }
              },
              "highlight": { "fields": { "text": {} } }
            }
            ```

            Several values of one facet are one `terms` filter (ORed); filters of different facets are ANDed in `post_filter`
            (a `bool` of `filter` clauses) and in every other facet's aggregation. Grouping hits by speech: `"collapse": { "field": "speech_id" }`.

            Passages near in meaning (a passage's own `vector` as the query, as `similar` does in part):
            `"knn": { "field": "vector", "query_vector": [...], "k": 10, "num_candidates": 100 }`. A free-text query needs its
            vector from this engine's word vectors, which are not exported; see docs/scaling.md for fusing kNN with BM25.

            """);
    }
}
