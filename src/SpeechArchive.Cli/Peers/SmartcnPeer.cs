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

    /// <summary>The java program and the jars the peer needs, or the reason it cannot run on this machine.</summary>
    public static (string? Java, string? ClassPath, string? Missing) Find()
    {
        // java runs the peer from its source file, which needs a JDK (javac beside it), not a bare runtime.
        if (ExternalProgram("java") is not { } java || ExternalProgram("javac") is null)
        {
            return (null, null, "the peer needs a JDK (`java` and `javac` on the PATH; Debian: apt-get install default-jdk-headless)");
        }

        var jars = Directory.Exists(JarFolder) ? Directory.GetFiles(JarFolder, "lucene-*.jar") : [];
        var found = JarPrefixes.Select(p => jars.Where(j => Path.GetFileName(j).StartsWith(p, StringComparison.Ordinal)).Order().LastOrDefault()).ToList();
        return found.Any(j => j is null)
            ? (null, null, $"the peer needs Lucene's core, analyzers-common and analyzers-smartcn jars in {JarFolder} (Debian: apt-get install liblucene8-java)")
            : (java, string.Join(':', found), null);
    }

    /// <summary>The ids of the top <paramref name="k"/> passages of <paramref name="index"/> for each query, in the peer's order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Rank(IndexSnapshot index, IReadOnlyCollection<string> queries, int k)
    {
        var (java, classPath, missing) = Find();
        if (java is null || classPath is null)
        {
            throw new SpeechArchiveException(missing!);
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
                    writer.Write(Escape(index.Passages[d].Id));
                    writer.Write('\t');
                    writer.Write(Escape(index.PassageText(d)));
                    writer.Write('\n');
                }
            }

            var ordered = queries.ToList();
            File.WriteAllLines(queryFile, ordered.Select(q => q.Replace('\n', ' ').Replace('\r', ' ')), new UTF8Encoding(false));
            Run(java, ["-Xss8m", "-cp", classPath, source, passages, queryFile, output, k.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var lines = File.ReadAllLines(output);
            if (lines.Length != ordered.Count)
            {
                throw new SpeechArchiveException($"the peer ({source}) answered {lines.Length} of {ordered.Count} queries");
            }

            var rankings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < ordered.Count; i++)
            {
                rankings[ordered[i]] = lines[i].Length == 0 ? [] : [.. lines[i].Split('\t').Select(Unescape)];
            }

            return rankings;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>A field of the passages file: backslash, tab and line break escaped (\\, \t, \n), carriage returns dropped, as SmartcnBm25.java reads it.</summary>
    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>An id as the peer writes it back (escaped as <see cref="Escape"/> does).</summary>
    private static string Unescape(string field)
    {
        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            sb.Append(field[i] == '\\' && i + 1 < field.Length ? field[++i] switch { 't' => '\t', 'n' => '\n', var c => c } : field[i]);
        }

        return sb.ToString();
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new SpeechArchiveException($"could not start {program}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        var stderr = errors.GetAwaiter().GetResult();
        _ = output.GetAwaiter().GetResult(); // the peer writes its rankings to a file; anything printed must not reach --json
        if (process.ExitCode != 0)
        {
            var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            throw new SpeechArchiveException($"the peer ({Path.GetFileName(arguments[^5])}) failed with exit code {process.ExitCode}: {last}");
        }

        Console.Error.Write(stderr);
    }

    private static string? ExternalProgram(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
