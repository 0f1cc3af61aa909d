using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpeechArchive.Export;

/// <summary>
/// The output folder of an export, marked by its manifest (<see cref="ManifestName"/>): an export writes into a new or empty
/// folder, or over a previous export (whose files it removes first), and refuses any other folder so it never mixes its files
/// with someone else's or deletes them.
/// </summary>
internal static partial class ExportFolder
{
    public const string ManifestName = "export.json";
    public const string Format = "speecharchive-elasticsearch";

    /// <summary>The names an export writes besides the numbered bulk files.</summary>
    public static readonly string[] FixedNames =
        ["index-template.json", "opensearch-index-template.json", "speeches-template.json", "lexicon.txt", "README.md", ManifestName];

    /// <summary>Makes <paramref name="directory"/> ready for an export: created, or emptied of a previous export's files; else throws, naming it.</summary>
    public static void Prepare(string directory)
    {
        if (File.Exists(directory))
        {
            throw new SpeechArchiveException($"Cannot export into '{directory}': it is a file. Give --out a new or empty folder.");
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            return;
        }

        if (!Directory.EnumerateFileSystemEntries(directory).Any())
        {
            return;
        }

        if (!IsExport(directory))
        {
            throw new SpeechArchiveException(
                $"Refusing to export into '{directory}': the folder is not empty and was not written by `export` (no {ManifestName} of a previous export). Give --out a new or empty folder.");
        }

        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (FixedNames.Contains(name, StringComparer.Ordinal) || BulkFileName().IsMatch(name))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Writes the manifest that marks the folder as an export's (first as incomplete, so an interrupted export can be written over).</summary>
    public static void WriteManifest(string directory, JsonObject manifest)
    {
        manifest["format"] = Format;
        manifest["version"] = 1;
        File.WriteAllText(Path.Combine(directory, ManifestName), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = ElasticDocuments.WriterOptions.Encoder }) + "\n");
    }

    private static bool IsExport(string directory)
    {
        var path = Path.Combine(directory, ManifestName);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject o && o["format"]?.GetValueKind() == JsonValueKind.String
                && (string?)o["format"] == Format;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(bulk|speeches)-\d{4,}\.ndjson$", RegexOptions.CultureInvariant)]
    private static partial Regex BulkFileName();
}
