using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Security;

/// <summary>
/// Checks admin credentials: the API takes <c>Authorization: Bearer &lt;token&gt;</c> or <c>X-Admin-Token</c>; pages take a cookie
/// holding an HMAC of the token (never the token) under a key made at start. Comparisons are constant-time; failures are throttled.
/// </summary>
internal sealed class AdminGate
{
    public const string CookieName = "sa_admin";
    public const string HeaderName = "X-Admin-Token";

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(12);

    private readonly byte[]? tokenHash;
    private readonly string? token;
    private readonly byte[] cookieKey = RandomNumberGenerator.GetBytes(32);
    private readonly LoginThrottle throttle;
    private readonly TimeProvider clock;

    public AdminGate(IOptions<ArchiveSettings> options, LoginThrottle throttle, TimeProvider clock)
    {
        token = string.IsNullOrWhiteSpace(options.Value.AdminToken) ? null : options.Value.AdminToken;
        tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        this.throttle = throttle;
        this.clock = clock;
    }

    public bool Enabled => token is not null;

    /// <summary>Checks the API headers (and, when <paramref name="allowCookie"/>, the login cookie).</summary>
    public AdminAccess CheckRequest(HttpContext context, bool allowCookie)
    {
        if (!Enabled)
        {
            return AdminAccess.Disabled;
        }

        if (allowCookie && HasValidCookie(context))
        {
            return AdminAccess.Granted;
        }

        var given = GivenToken(context.Request);
        return given is null ? AdminAccess.Missing : CheckToken(context, given);
    }

    /// <summary>Checks a token typed into the login form or sent in a header; counts failures against the client.</summary>
    public AdminAccess CheckToken(HttpContext context, string? given)
    {
        if (!Enabled)
        {
            return AdminAccess.Disabled;
        }

        var client = ClientKey(context);
        if (throttle.IsBlocked(client))
        {
            return AdminAccess.Throttled;
        }

        if (given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), tokenHash))
        {
            return AdminAccess.Granted;
        }

        throttle.RecordFailure(client);
        return AdminAccess.Denied;
    }

    public bool HasValidCookie(HttpContext context)
    {
        if (!Enabled || !context.Request.Cookies.TryGetValue(CookieName, out var value) || value is null)
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return false;
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        if (age < TimeSpan.Zero || age > CookieLifetime)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(CookieValue(issued));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), expected);
    }

    public void SignIn(HttpContext context)
    {
        var issued = clock.GetUtcNow().ToUnixTimeSeconds();
        context.Response.Cookies.Append(CookieName, CookieValue(issued), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = CookieLifetime,
            IsEssential = true,
        });
    }

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    private string CookieValue(long issued)
    {
        var issuedText = issued.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(cookieKey, Encoding.UTF8.GetBytes(issuedText + "\n" + token));
        return issuedText + "." + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string? GivenToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header : null;
    }

    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
