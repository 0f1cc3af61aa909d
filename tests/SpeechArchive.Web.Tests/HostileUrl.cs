using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SpeechArchive.Web.Tests;

/// <summary>Percent-encodes any string for a URL, lone surrogates included (as the three bytes a careless encoder would send), and generates raw byte escapes.</summary>
internal static class HostileUrl
{
    /// <summary>Any byte sequence as %XX escapes: invalid UTF-8, overlong forms, NUL, '%' itself.</summary>
    public static Gen<string> RawBytes { get; } = Gen.Choose(0, 255).ArrayOf().Select(bytes => string.Concat(bytes.Select(b => "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))));

    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length * 3);
        for (var i = 0; i < text.Length; i++)
        {
            int code = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                code = char.ConvertToUtf32(text[i], text[++i]);
            }

            foreach (var b in Utf8(code))
            {
                sb.Append(char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>UTF-8 bytes of a code point; surrogate code points are encoded like any other (invalid UTF-8, on purpose).</summary>
    private static byte[] Utf8(int code) => code switch
    {
        < 0x80 => [(byte)code],
        < 0x800 => [(byte)(0xC0 | (code >> 6)), (byte)(0x80 | (code & 0x3F))],
        < 0x10000 => [(byte)(0xE0 | (code >> 12)), (byte)(0x80 | ((code >> 6) & 0x3F)), (byte)(0x80 | (code & 0x3F))],
        _ => [(byte)(0xF0 | (code >> 18)), (byte)(0x80 | ((code >> 12) & 0x3F)), (byte)(0x80 | ((code >> 6) & 0x3F)), (byte)(0x80 | (code & 0x3F))],
    };
}
