namespace SpeechArchive.Documents;

internal static partial class FrontMatterParser
{
    private static FrontMatter Interpret(FrontMatterNode? root)
    {
        switch (root)
        {
            case null or FrontMatterScalar { Value: null }:
                return FrontMatter.Empty;
            case not FrontMatterMap:
                throw Fail(root.Line, "front matter 应是“键: 值”的列表（title: …）", "front matter must be a mapping of keys (title: …)");
        }

        var result = FrontMatter.Empty;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in ((FrontMatterMap)root).Entries)
        {
            var key = (keyNode.Value ?? "").Trim().ToLowerInvariant();
            key = key == "org" ? "organization" : key;
            if (!IsKnown(key))
            {
                continue;
            }

            if (!seen.Add(key))
            {
                throw Fail(keyNode.Line, $"front matter 的键“{key}”重复", $"duplicate front matter key '{key}'");
            }

            result = key switch
            {
                "title" => result with { Title = Text(key, value) },
                "speaker" => result with { Speaker = Text(key, value) },
                "organization" => result with { Organization = Text(key, value) },
                "meeting" => result with { Meeting = Text(key, value) },
                "source" => result with { Source = Text(key, value) },
                "category" => result with { Category = Text(key, value) },
                "year" => result with { Year = Year(value) },
                "date" => WithDate(result, value),
                _ => result with { Tags = Tags(value) },
            };
        }

        return result;
    }

    private static bool IsKnown(string key) =>
        key is "title" or "date" or "year" or "speaker" or "organization" or "meeting" or "source" or "tags" or "category";

    private static string? Text(string key, FrontMatterNode value) => value switch
    {
        FrontMatterScalar s => string.IsNullOrWhiteSpace(s.Value) ? null : s.Value.Trim(),
        _ => throw Fail(value.Line, $"front matter 的“{key}”应是一段文字", $"front matter key '{key}' must be a text value"),
    };

    private static int? Year(FrontMatterNode value)
    {
        var text = Text("year", value);
        if (text is null)
        {
            return null;
        }

        return MetadataValues.TryParseYear(text, out var year)
            ? year
            : throw Fail(value.Line, $"front matter 的 year 应是 2022 这样的年份，不是“{text}”", $"front matter 'year' must be a year like 2022, not '{text}'");
    }

    private static FrontMatter WithDate(FrontMatter result, FrontMatterNode value)
    {
        var text = Text("date", value);
        if (text is null)
        {
            return result;
        }

        if (MetadataValues.TryParseDate(text, out var date))
        {
            return result with { Date = date };
        }

        return MetadataValues.TryParseYear(text, out var year)
            ? result with { Year = result.Year ?? year }
            : throw Fail(value.Line, $"front matter 的 date 应写作 2022-05-10 或年份，不是“{text}”", $"front matter 'date' must be YYYY-MM-DD or a year, not '{text}'");
    }

    private static IReadOnlyList<string> Tags(FrontMatterNode value) => value switch
    {
        FrontMatterScalar s => MetadataValues.SplitTags(s.Value),
        FrontMatterList list => MetadataValues.CleanTags(list.Items.Select(item =>
            (item as FrontMatterScalar)?.Value ?? throw Fail(item.Line, "front matter 的 tags 应是词语的列表", "front matter 'tags' must be a list of words"))),
        _ => throw Fail(value.Line, "front matter 的 tags 应是列表或逗号分隔的文字", "front matter 'tags' must be a list or a comma-separated text"),
    };

    /// <summary>A refusal of the front matter at a line of the file, said in Chinese first, the English after (the reader's and the interpreter's).</summary>
    internal static SpeechArchiveException Fail(int line, string said, string reason) => new($"第 {line} 行：{said} ({reason} at line {line})");
}
