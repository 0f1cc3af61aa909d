using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpeechArchive.Documents;

/// <summary>Pulls YamlDotNet parser events into a small tree, refusing aliases, anchors, too many keys and too deep nesting as they arrive.</summary>
internal sealed class GuardedReader(IParser parser, int yamlFirstLine)
{
    private int _keys;

    /// <summary>File line of the last event read, for errors that carry no position.</summary>
    public int LastLine { get; private set; } = 1;

    public int FileLine(Mark mark) => (int)mark.Line + yamlFirstLine - 1;

    /// <summary>The single document's root node, or null for empty front matter.</summary>
    public FrontMatterNode? ReadDocument()
    {
        LastLine = yamlFirstLine;
        Expect<StreamStart>();
        if (Peek() is StreamEnd)
        {
            return null;
        }

        Expect<DocumentStart>();
        var root = ReadNode(1);
        Expect<DocumentEnd>();
        if (Peek() is not StreamEnd)
        {
            throw Fail(LastLine, "front matter 含有不止一个 YAML 文档", "front matter holds more than one YAML document");
        }

        return root;
    }

    private FrontMatterNode ReadNode(int depth)
    {
        var e = Next();
        var line = FileLine(e.Start);
        if (e is AnchorAlias)
        {
            throw Fail(line, "不允许使用 YAML 别名（*）", "YAML aliases are not allowed");
        }

        if (e is NodeEvent { Anchor.IsEmpty: false })
        {
            throw Fail(line, "不允许使用 YAML 锚点（&）", "YAML aliases are not allowed (anchor defined here)");
        }

        if (depth > FrontMatterParser.MaxDepth && e is MappingStart or SequenceStart)
        {
            throw Fail(line, $"front matter 嵌套超过 {FrontMatterParser.MaxDepth} 层", $"front matter nested deeper than {FrontMatterParser.MaxDepth} levels");
        }

        return e switch
        {
            Scalar s => new FrontMatterScalar(line, IsNull(s) ? null : s.Value),
            SequenceStart => ReadList(line, depth),
            MappingStart => ReadMap(line, depth),
            _ => throw Fail(line, "front matter 中有无法识别的内容", $"unexpected {e.GetType().Name} in front matter"),
        };
    }

    private FrontMatterList ReadList(int line, int depth)
    {
        var items = new List<FrontMatterNode>();
        while (Peek() is not SequenceEnd)
        {
            items.Add(ReadNode(depth + 1));
        }

        Next();
        return new FrontMatterList(line, items);
    }

    private FrontMatterMap ReadMap(int line, int depth)
    {
        var entries = new List<KeyValuePair<FrontMatterScalar, FrontMatterNode>>();
        while (Peek() is not MappingEnd)
        {
            var key = ReadNode(depth + 1) as FrontMatterScalar ?? throw Fail(LastLine, "front matter 的键应是普通文字", "front matter keys must be plain text");
            if (++_keys > FrontMatterParser.MaxKeys)
            {
                throw Fail(key.Line, $"front matter 的键超过 {FrontMatterParser.MaxKeys} 个", $"front matter has more than {FrontMatterParser.MaxKeys} keys");
            }

            entries.Add(new(key, ReadNode(depth + 1)));
        }

        Next();
        return new FrontMatterMap(line, entries);
    }

    private static bool IsNull(Scalar s) =>
        s.Style == ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL";

    private ParsingEvent Peek() =>
        parser.Accept<ParsingEvent>(out var e) ? e : throw Fail(LastLine, "front matter 意外结束", "front matter ends unexpectedly");

    private ParsingEvent Next()
    {
        var e = Peek();
        parser.MoveNext();
        LastLine = FileLine(e.Start);
        return e;
    }

    private T Expect<T>() where T : ParsingEvent =>
        Next() as T ?? throw Fail(LastLine, "front matter 不是有效的 YAML", $"malformed front matter: expected {typeof(T).Name}");

    private static SpeechArchiveException Fail(int line, string said, string reason) => FrontMatterParser.Fail(line, said, reason);
}
