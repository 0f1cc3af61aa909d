using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace SpeechArchive.Web.Security;

/// <summary>
/// A query string whose percent-encoding gives bytes that are not UTF-8 (a GBK page's form, a hand-typed %D1%B2) is read with
/// each such byte as U+FFFD, the replacement character. ASP.NET Core keeps undecodable escapes as written (%CA%D3 stays
/// "%CA%D3"), which would be searched as those letters; with U+FFFD the parameter readers refuse the value with a 400 that
/// names the parameter (<see cref="Api.Parameters.QueryParameter.Problem"/>).
/// </summary>
internal static class Utf8Query
{
    public static IApplicationBuilder UseUtf8Query(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Only a query whose reading kept an escape as written is read again (the reading is made once and kept for the
        // request): a search in Chinese, all of it percent-encoded UTF-8, is not decoded twice.
        if (context.Request.Query.Any(p => KeptEscape(p.Key) || p.Value.Any(KeptEscape))
            && context.Request.QueryString.Value is { } raw && Reread(raw) is { } query)
        {
            context.Features.Set<IQueryFeature>(new QueryFeature(query));
        }

        return next(context);
    });

    /// <summary>Whether <paramref name="decoded"/> holds %XX, as an escape that was no UTF-8 is left (or a % the sender escaped).</summary>
    private static bool KeptEscape(string? decoded)
    {
        if (decoded is null)
        {
            return false;
        }

        for (var at = decoded.IndexOf('%'); at >= 0; at = decoded.IndexOf('%', at + 1))
        {
            if (at + 2 < decoded.Length && IsHex(decoded[at + 1]) && IsHex(decoded[at + 2]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The query string <paramref name="raw"/> (with its '?') read with invalid UTF-8 as U+FFFD; null when it is all valid UTF-8.</summary>
    internal static QueryCollection? Reread(string raw)
    {
        var pairs = raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        var decoded = new List<(byte[] Key, byte[] Value)>(pairs.Length);
        var valid = true;
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            var (key, value) = equals < 0 ? (Bytes(pair), []) : (Bytes(pair[..equals]), Bytes(pair[(equals + 1)..]));
            valid &= System.Text.Unicode.Utf8.IsValid(key) && System.Text.Unicode.Utf8.IsValid(value);
            decoded.Add((key, value));
        }

        if (valid)
        {
            return null;
        }

        var values = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in decoded)
        {
            var name = Encoding.UTF8.GetString(key); // the default decoder replaces each invalid byte with U+FFFD
            values[name] = StringValues.Concat(values.GetValueOrDefault(name), Encoding.UTF8.GetString(value));
        }

        return new QueryCollection(values);
    }

    /// <summary>The bytes a form-encoded string stands for: %XX a byte, + a space, any other character its UTF-8.</summary>
    private static byte[] Bytes(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        Span<byte> one = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else
            {
                var n = Encoding.UTF8.GetBytes(encoded.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < encoded.Length ? 2 : 1), one);
                bytes.AddRange(one[..n]);
                i += char.IsHighSurrogate(c) && i + 1 < encoded.Length ? 1 : 0;
            }
        }

        return [.. bytes];
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
