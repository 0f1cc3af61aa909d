using System.Diagnostics;
using System.Text;
using SpeechArchive.Search;

namespace SpeechArchive.Cli.Peers;

/// <summary>
/// The peer baseline the issues measure against, run for real in the same evaluation: plain BM25 over the words of Lucene's
/// SmartChineseAnalyzer (a dictionary and HMM segmenter, what Elasticsearch's smartcn plugin runs), the query's words ORed.
/// Lucene cannot be a dependency of the engine (no .NET port is obtainable), but Debian's <c>liblucene8-java</c> runs here
/// under <c>java</c>: <c>SmartcnBm25.java</c> indexes the snapshot's passages in memory and answers the queries.
/// </summary>
internal static class SmartcnPeer
{
    public const string Name = "SmartcnBM25";

    private const string JarFolder = "/usr/share/java";

    private static readonly string[] JarPrefixes = ["lucene-core-", "lucene-analyzers-common-", "lucene-analyzers-smartcn-"];

    /// <summary>The jars the peer needs, or the reason it cannot run on this machine.</summary>
    public static (string? ClassPath, string? Missing) Find()
    {
        if (ExternalProgram("java") is null)
        {
            return (null, "the peer needs `java` on the PATH (Debian: apt-get install default-jdk-headless)");
        }

        var jars = Directory.Exists(JarFolder) ? Directory.GetFiles(JarFolder, "lucene-*.jar") : [];
        var found = JarPrefixes.Select(p => jars.Where(j => Path.GetFileName(j).StartsWith(p, StringComparison.Ordinal)).Order().LastOrDefault()).ToList();
        return found.Any(j => j is null)
            ? (null, $"the peer needs Lucene's core, analyzers-common and analyzers-smartcn jars in {JarFolder} (Debian: apt-get install liblucene8-java)")
            : (string.Join(':', found), null);
    }

    /// <summary>The ids of the top <paramref name="k"/> passages of <paramref name="index"/> for each query, in the peer's order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Rank(IndexSnapshot index, IReadOnlyCollection<string> queries, int k)
    {
        var (classPath, missing) = Find();
        if (classPath is null)
        {
            throw new InvalidOperationException(missing);
        }

        var source = Path.Combine(AppContext.BaseDirectory, "Peers", "SmartcnBm25.java");
        var temp = Directory.CreateTempSubdirectory("speecharchive-peer-").FullName;
        try
        {
            var (passages, queryFile, output) = (Path.Combine(temp, "passages.tsv"), Path.Combine(temp, "queries.txt"), Path.Combine(temp, "ranked.tsv"));
            using (var writer = new StreamWriter(passages, false, new UTF8Encoding(false)))
            {
                for (var d = 0; d < index.Passages.Count; d++)
                {
                    writer.Write(index.Passages[d].Id);
                    writer.Write('\t');
                    writer.Write(Escape(index.PassageText(d)));
                    writer.Write('\n');
                }
            }

            var ordered = queries.ToList();
            File.WriteAllLines(queryFile, ordered.Select(q => q.Replace('\n', ' ')), new UTF8Encoding(false));
            Run("java", ["-Xss8m", "-cp", classPath, source, passages, queryFile, output, k.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var lines = File.ReadAllLines(output);
            if (lines.Length != ordered.Count)
            {
                throw new InvalidOperationException($"the peer answered {lines.Length} of {ordered.Count} queries ({output})");
            }

            var rankings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < ordered.Count; i++)
            {
                rankings[ordered[i]] = lines[i].Length == 0 ? [] : lines[i].Split('\t');
            }

            return rankings;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var stderr = errors.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the peer ({program} {Path.GetFileName(arguments[^4])}) failed with exit code {process.ExitCode}: {stderr.Trim()}");
        }

        Console.Error.Write(stderr);
    }

    private static string? ExternalProgram(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
