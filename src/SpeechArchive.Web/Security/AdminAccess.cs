namespace SpeechArchive.Web.Security;

/// <summary>The outcome of checking a request's admin credentials.</summary>
internal enum AdminAccess
{
    Granted,
    /// <summary>No token is configured: administration is off.</summary>
    Disabled,
    Missing,
    Denied,
    /// <summary>Too many failed attempts from this address lately.</summary>
    Throttled,
}
