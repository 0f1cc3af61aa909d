using System.Text;

namespace SpeechArchive.Documents;

/// <summary>Turns raw file bytes into text: UTF-8 (BOM stripped), UTF-16 with a BOM, or GB18030 that reads as Chinese.</summary>
internal static class TextDecoder
{
    /// <summary>Above this share of control characters a file is taken for binary.</summary>
    private const double MaxControlShare = 0.02;

    /// <summary>A GB18030 reading must be at least this share of ideographs among its non-ASCII characters.</summary>
    private const double MinIdeographShare = 0.8;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        var (text, warning, failure) = DecodeRaw(bytes);
        if (failure is not null)
        {
            return DecodedText.Fail(failure);
        }

        var controlFailure = CheckControlCharacters(text!);
        return controlFailure is not null ? DecodedText.Fail(controlFailure) : DecodedText.Ok(NormalizeLineEnds(text!), warning);
    }

    /// <summary>CRLF and lone CR become LF.</summary>
    public static string NormalizeLineEnds(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static (string? Text, string? Warning, string? Failure) DecodeRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(bytes[2..], new UnicodeEncoding(false, false, true), "UTF-16 LE");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(bytes[2..], new UnicodeEncoding(true, false, true), "UTF-16 BE");
        }

        if (OtherFormat(bytes) is { } format)
        {
            return (null, null, format);
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return (null, null, $"二进制文件，第 {nul} 字节为 NUL (binary file: NUL byte at offset {nul})");
        }

        return DecodeUtf8(bytes, 0);
    }

    /// <summary>Whether a zip names an entry under <paramref name="folder"/>: in its first entries or its central directory, at the end.</summary>
    private static bool Holds(ReadOnlySpan<byte> zip, ReadOnlySpan<byte> folder) =>
        zip[..Math.Min(zip.Length, 4096)].IndexOf(folder) >= 0 || zip[Math.Max(0, zip.Length - 65_536)..].IndexOf(folder) >= 0;

    /// <summary>
    /// Why a file that is not text was refused, where its first bytes name a format a clerk would save from (a .docx renamed
    /// .txt was refused as 二进制文件，第 5 字节为 NUL, which says nothing of what to do); else null.
    /// </summary>
    private static string? OtherFormat(ReadOnlySpan<byte> bytes)
    {
        const string save = "不是纯文本：请在原程序中“另存为”纯文本（.txt，UTF-8 编码）后再上传或放入语料。";
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return Holds(bytes, "word/"u8) ? $"这是 Word 文档（.docx），{save}(a Word document (.docx), not plain text: save it as .txt first)"
                : Holds(bytes, "xl/"u8) ? $"这是 Excel 表格（.xlsx），{save}(an Excel workbook (.xlsx), not plain text)"
                : Holds(bytes, "ppt/"u8) ? $"这是 PowerPoint 演示文稿（.pptx），{save}(a PowerPoint file (.pptx), not plain text)"
                : "这是 ZIP 压缩包，不是纯文本：解压后上传其中的 .md、.txt 文件，或在上传页以 .zip 扩展名上传。(a zip archive, not plain text)";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return $"这是旧版 Office 文档（Word 97-2003 的 .doc 或 .xls、.wps），{save}(an old Office document (.doc), not plain text: save it as .txt first)";
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return "这是 PDF 文件，不是纯文本：请从原文档另存为纯文本（.txt，UTF-8 编码），或复制 PDF 中的文字另存后再上传。(a PDF file, not plain text)";
        }

        if (bytes.StartsWith("{\\rtf"u8))
        {
            return $"这是 RTF 文档，{save}(an RTF document, not plain text: save it as .txt first)";
        }

        return null;
    }

    private static (string?, string?, string?) DecodeUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), null, null);
        }
        catch (DecoderFallbackException e)
        {
            var gb = TryGb18030(bytes);
            if (gb is not null)
            {
                return (gb, "不是有效的 UTF-8，已按 GB18030 解码 (decoded as GB18030: not valid UTF-8)", null);
            }

            var at = e.Index >= 0 ? $", invalid UTF-8 at byte {offset + e.Index}" : "";
            return (null, null, $"编码不是 UTF-8、GB18030 或 UTF-16，请另存为 UTF-8 (not UTF-8, GB18030 or UTF-16{at})");
        }
    }

    private static (string?, string?, string?) DecodeUtf16(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return (encoding.GetString(bytes), $"按字节顺序标记以 {name} 解码 (decoded as {name} (byte order mark))", null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, null, $"第 {e.Index + 2} 字节起不是有效的 {name} (invalid {name} at byte {e.Index + 2})");
        }
    }

    private static string? TryGb18030(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictGb18030.Value.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        int nonAscii = 0, ideographs = 0;
        foreach (var c in text)
        {
            if (c > '\u007F' && !char.IsWhiteSpace(c))
            {
                nonAscii++;
                ideographs += CjkText.IsIdeograph(c) || c is (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF') ? 1 : 0;
            }
        }

        return nonAscii > 0 && ideographs >= MinIdeographShare * nonAscii ? text : null;
    }

    private static string? CheckControlCharacters(string text)
    {
        int controls = 0, first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                controls++;
                first = first < 0 ? i : first;
            }
        }

        return text.Contains('\0', StringComparison.Ordinal) || controls > MaxControlShare * text.Length
            ? $"二进制文件，含 {controls} 个控制字符，第一个在第 {first} 字 (binary file: {controls} control characters, the first at character {first})"
            : null;
    }
}
