using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SpeechArchive.Analysis;

namespace SpeechArchive.Export;

/// <summary>
/// This engine's analysis (<see cref="ChineseAnalyzer"/>) rebuilt from stock Elasticsearch/OpenSearch parts, no plugin:
/// a <c>pattern_replace</c> char filter deletes in-sentence punctuation between two Han characters (so the bigrams bridge
/// it, as the engine's do), the <c>standard</c> tokenizer gives each Han character a token of its own and drops
/// sentence ends, masks and the like (an offset gap, where <c>cjk_bigram</c> stops), then <c>cjk_width</c>,
/// <c>lowercase</c>, a stop filter for the <c>xx</c> masks and <c>cjk_bigram</c> (a lone Han character stays a unigram).
/// The learned words go in as a <c>dictionary_decompounder</c> word list over Han runs, keeping only the words it finds.
/// </summary>
public static class ElasticAnalysis
{
    public const string BigramAnalyzer = "speecharchive_bigrams";
    public const string WordAnalyzer = "speecharchive_words";

    /// <summary>The longest word the word list holds (<c>max_subword_size</c>, Lucene's default; longer words are left out).</summary>
    public const int MaxWordLength = 15;

    /// <summary>The characters the engine reads as Han (<see cref="CharKind.Cjk"/>; supplementary ideographs aside), as a Java (and .NET) regex class.</summary>
    public const string HanClass = @"[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF\u3007]";

    /// <summary>
    /// The characters the engine bridges (<see cref="CharKind.Soft"/> after folding), as a Java (and .NET) regex class: everything
    /// but Han, letters and digits, and the sentence ends and masks listed from the engine's own character table.
    /// </summary>
    public static string SoftClass { get; } = BuildSoftClass();

    /// <summary>The char filter's pattern: a run of in-sentence punctuation with a Han character on either side.</summary>
    public static string BridgePattern => $"(?<={HanClass}){SoftClass}+(?={HanClass})";

    /// <summary>The words the <c>dictionary_decompounder</c> looks for: the lexicon's words of 2 to <see cref="MaxWordLength"/> Han characters of the basic plane.</summary>
    public static IReadOnlyList<string> WordList(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return [.. lexicon.Words.Select(w => w.Word).Where(w => w.Length is >= 2 and <= MaxWordLength && w.All(c => !char.IsSurrogate(c)))];
    }

    /// <summary>
    /// The <c>settings.analysis</c> object: the bigram analyzer, and with <paramref name="words"/> the word analyzer over them
    /// (the speeches' index, which searches only titles, goes without).
    /// </summary>
    public static JsonObject Settings(IReadOnlyList<string>? words)
    {
        var masks = new JsonArray();
        for (var n = 2; n <= 8; n++)
        {
            masks.Add(new string('x', n));
        }

        var filters = new JsonObject
        {
            ["speecharchive_masks"] = new JsonObject { ["type"] = "stop", ["stopwords"] = masks, ["ignore_case"] = true },
            ["speecharchive_han_bigrams"] = new JsonObject
            {
                ["type"] = "cjk_bigram",
                ["ignored_scripts"] = new JsonArray("hiragana", "katakana", "hangul"),
                ["output_unigrams"] = false,
            },
        };
        var analyzers = new JsonObject
        {
            [BigramAnalyzer] = new JsonObject
            {
                ["type"] = "custom",
                ["char_filter"] = new JsonArray("speecharchive_bridge"),
                ["tokenizer"] = "standard",
                ["filter"] = new JsonArray("cjk_width", "lowercase", "speecharchive_masks", "speecharchive_han_bigrams"),
            },
        };
        var analysis = new JsonObject
        {
            ["char_filter"] = new JsonObject
            {
                ["speecharchive_bridge"] = new JsonObject { ["type"] = "pattern_replace", ["pattern"] = BridgePattern, ["replacement"] = "" },
            },
            ["filter"] = filters,
            ["analyzer"] = analyzers,
        };
        if (words is null)
        {
            return analysis;
        }

        analysis["tokenizer"] = new JsonObject
        {
            ["speecharchive_han_runs"] = new JsonObject { ["type"] = "pattern", ["pattern"] = $"[^{HanClass[1..^1]}]+" },
        };
        filters["speecharchive_lexicon"] = new JsonObject
        {
            ["type"] = "dictionary_decompounder",
            ["word_list"] = new JsonArray([.. words.Select(w => (JsonNode)w)]),
            ["min_word_size"] = 2,
            ["min_subword_size"] = 2,
            ["max_subword_size"] = MaxWordLength,
            ["only_longest_match"] = false,
        };
        // The decompounder keeps the run it split (position increment 1) beside the words it found in it (0): keep the words.
        filters["speecharchive_words_only"] = new JsonObject
        {
            ["type"] = "predicate_token_filter",
            ["script"] = new JsonObject { ["source"] = "token.positionIncrement == 0" },
        };
        analyzers[WordAnalyzer] = new JsonObject
        {
            ["type"] = "custom",
            ["tokenizer"] = "speecharchive_han_runs",
            ["filter"] = new JsonArray("speecharchive_lexicon", "speecharchive_words_only"),
        };
        return analysis;
    }

    /// <summary>Where the stock construction differs from <see cref="ChineseAnalyzer"/>, one sentence each (the template's <c>_meta</c> carries them).</summary>
    public static IReadOnlyList<string> Differences { get; } =
    [
        "Supplementary-plane ideographs (Ext. B and later) are bigrammed by cjk_bigram but punctuation beside them is not bridged; the engine reads them as Han everywhere.",
        "The standard tokenizer (UAX #29) keeps 1.5, 1,000 and U.S. as one token where the engine splits Latin and digit words at every other character, and makes tokens of a few symbols the engine skips (Ⅱ, ®).",
        "A bigram that ends before removed punctuation ends after it (敢腐 in 不敢腐、不能腐 is 1-4, not 1-3), so a highlight may take in the punctuation; starts are the engine's.",
        "Kana and Hangul form standard-tokenizer words (cjk_bigram ignores those scripts), as the engine's letter runs do, but UAX #29 word breaks may cut them elsewhere.",
        "Phrase queries (match_phrase) on the bigram field may join two bigrams across a sentence end when the query itself has one; the engine's phrase check never crosses a sentence end or mask.",
        "The words field holds every lexicon word found in a Han run (overlapping, like IK's ik_max_word), not the engine's most probable segmentation, and positions are not usable for phrases.",
    ];

    private static string BuildSoftClass()
    {
        // Everything not Han and not a letter or digit is soft to the engine, except what its table says breaks a
        // sentence or masks a name: list those (as the raw character, since the char filter runs before cjk_width folds).
        var han = new System.Text.RegularExpressions.Regex("^" + HanClass + "$");
        var kept = new StringBuilder();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || char.IsLetterOrDigit(c) || han.IsMatch(c.ToString()))
            {
                continue;
            }

            if (TextNormalizer.KindOf(TextNormalizer.Fold(c)) != CharKind.Soft)
            {
                kept.Append(CultureInfo.InvariantCulture, $"\\u{i:X4}");
            }
        }

        return $@"[^{HanClass[1..^1]}\p{{L}}\p{{Nd}}{kept}]";
    }
}
