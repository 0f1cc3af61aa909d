using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SpeechArchive.Tests;

/// <summary>
/// FsCheck generators of hostile text: random UTF-16 (lone surrogates, controls, noncharacters included), fragments of the
/// query syntax and of Markdown/YAML put together at random, and very long strings. Shared by the engine and the web tests.
/// </summary>
public static class HostileText
{
    /// <summary>Pieces that stress the query parser: quotes of every kind, operators, filters, masks, odd code points.</summary>
    public static readonly string[] QueryPieces =
    [
        "\"", "“", "”", "「", "」", "'", "-", "－", "OR", "or", "|", "(", ")", "*", "**", "xx", ":", "：", "..", "...",
        "year:", "year:\"", "theme:\"", "org:\"", "year:2022", "year:2018..2022", "year:0", "year:99999", "year:..", "theme:", "theme:conduct", "theme:反腐倡廉",
        "type:", "type:prohibition", "org:", "org:人社局", "speaker:", "speaker:\"书记\"", "YEAR:2020", "year：2021",
        " ", "  ", "\u3000", "\t", "\n", "\r\n", "\u00A0", "\u200B", "\u2028", "\uFEFF", "\u0000", "\u0001", "\u001B", "\u007F",
        "\u0085", "\uD800", "\uDFFF", "\uFFFE", "\uFFFF", "𠀀", "😀", "e\u0301", "\u202E", "%00", "%", "&amp;", "<script>",
        "</mark>", "\\", "作风建设", "全面从严治党", "不敢腐不能腐不想腐", "严禁", "要", "年", "的", "a", "Z", "1", "２０２２",
    ];

    /// <summary>Pieces of Markdown, YAML front matter and plain speech text.</summary>
    public static readonly string[] DocumentPieces =
    [
        "---\n", "...\n", "title: ", "year: 2022\n", "date: 2022-13-45\n", "tags: [a, b\n", "&a ", "*a ", "<<: *a\n", "? ", "!!binary ",
        "# ", "## ", "一、", "（一）", "1. ", "- ", "> ", "    ", "\t", "```\n", "~~~\n", "|a|b|\n|-|-|\n", "[", "]", "(", ")", "![",
        "<div>", "</div>", "<!--", "-->", "<![CDATA[", "<script>alert(1)</script>", "&#0;", "&#x110000;", "\\", "*", "_", "`",
        "\n", "\n\n", "\r", "\r\n", "\u0000", "\u0001", "\u0085", "\u2028", "\uFEFF", "\uD800", "\uDC00", "\uFFFF", "𠀀",
        "同志们：", "要加强作风建设。", "一是加强学习；二是严格管理。", "严禁违规收送礼品礼金！", "2022年", "**同志", "xx局",
    ];

    /// <summary>Any UTF-16 code unit, surrogates and controls included.</summary>
    public static Gen<char> AnyChar { get; } = Gen.Choose(0, 0xFFFF).Select(i => (char)i);

    /// <summary>Queries: random code units, syntax pieces at random, and a few very long ones (up to 100,000 characters).</summary>
    public static Gen<string> Query { get; } = Gen.Frequency(
        (4, Pieces(QueryPieces)),
        (3, AnyChar.ArrayOf().Select(c => new string(c))),
        (1, Gen.Elements(QueryPieces).Zip(Gen.Elements(1_001, 10_000, 100_000)).Select(p => Repeat(p.Item1, p.Item2))));

    /// <summary>Document text: Markdown, YAML and speech pieces at random, or random code units.</summary>
    public static Gen<string> Document { get; } = Gen.Frequency(
        (4, Pieces(DocumentPieces)),
        (1, AnyChar.ArrayOf().Select(c => new string(c))));

    /// <summary>File contents: document text in UTF-8, UTF-16 with a BOM or GB18030, or random bytes.</summary>
    public static Gen<byte[]> FileBytes { get; } = Gen.Frequency(
        (3, Document.Select(Encode(new UTF8Encoding(false)))),
        (1, Document.Select(t => (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(t)])),
        (1, Document.Select(Encode(Gb18030()))),
        (2, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()));

    /// <summary>A string made of <paramref name="pieces"/> chosen at random, as many as the size allows.</summary>
    public static Gen<string> Pieces(string[] pieces) => Gen.Elements(pieces).ArrayOf().Select(p => string.Concat(p));

    /// <summary>The piece repeated until the string is exactly <paramref name="length"/> code units long.</summary>
    public static string Repeat(string piece, int length)
    {
        var sb = new StringBuilder(length + piece.Length);
        while (sb.Length < length)
        {
            sb.Append(piece);
        }

        return sb.ToString(0, length);
    }

    private static Func<string, byte[]> Encode(Encoding encoding) => text => encoding.GetBytes(text);

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
