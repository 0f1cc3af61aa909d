using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace SpeechArchive.Web.Hosting;

/// <summary>
/// Keeps the data-protection keys (they sign the forms' antiforgery tokens) in &lt;index&gt;/keys, so they outlive a restart
/// and move with the index, instead of in the home folder of whoever started the app.
/// </summary>
internal static class ArchiveKeys
{
    public const string FolderName = "keys";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The keys folder of an index folder.</summary>
    public static string Folder(string indexDirectory) => Path.Combine(indexDirectory, FolderName);

    public static IServiceCollection AddArchiveKeys(this IServiceCollection services)
    {
        // One name, so keys made by `dotnet run` in the repository still open tokens when the app runs from elsewhere.
        services.AddDataProtection().SetApplicationName("SpeechArchive");

        // What PersistKeysToFileSystem does, but with the folder worked out when the options are first read: the index
        // folder is configuration, which a host (or a test) may still change after this method runs.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ArchiveSettings>, ILoggerFactory>((options, settings, loggers) =>
        {
            var folder = Folder(ArchivePaths.Resolve(settings.Value.Index));
            try
            {
                CreateForOwnerOnly(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A read-only index folder still serves search: keep the keys in a folder of this user's under the temp
                // folder instead (owner-only too), and say so.
                var fallback = Path.Combine(Path.GetTempPath(), $"speecharchive-keys-{Environment.UserName}");
                loggers.CreateLogger(typeof(ArchiveKeys)).KeysElsewhere(folder, fallback, e.Message);
                folder = fallback;
                CreateForOwnerOnly(folder);
            }

            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);

            // Key encryption at rest, chosen rather than left unset (unset, the framework warns "No XML encryptor configured"
            // at every new key). On Windows, DPAPI encrypts the keys to the user account. Elsewhere the framework has no
            // encryptor without a certificate, and a certificate kept beside the keys would protect nothing: the keys stay
            // plain XML (each marked "This key is not encrypted"), protected by the folder being the process owner's alone
            // (0700; the framework writes each key file 0600). Anyone who can read the folder can forge antiforgery tokens,
            // nothing more: the admin cookie is signed with a key that lives in memory only (AdminGate). In a container whose
            // index folder is not a mounted volume the framework still warns that the keys die with the container: so does the index.
            options.XmlEncryptor = OperatingSystem.IsWindows() ? new DpapiXmlEncryptor(protectToLocalMachine: false, loggers) : new NullXmlEncryptor();
            loggers.CreateLogger(typeof(ArchiveKeys)).Keys(folder, OperatingSystem.IsWindows() ? "encrypted with DPAPI" : "not encrypted at rest; folder readable by its owner only");
        });
        return services;
    }

    private static void CreateForOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, OwnerOnly);
        if (File.GetUnixFileMode(folder) != OwnerOnly)
        {
            File.SetUnixFileMode(folder, OwnerOnly); // made before by an older version, or by hand
        }
    }
}
