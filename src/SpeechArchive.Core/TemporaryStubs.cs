// Temporary stand-ins until the Documents, Structure and Classification branches merge. Deleted at merge.
#pragma warning disable
using System.Security.Cryptography;
using System.Text;
using SpeechArchive.Classification;
using SpeechArchive.Structure;

namespace SpeechArchive.Documents
{
    public sealed record CorpusFile(string Key, string FullPath, long Length);
    public sealed record DocumentReadResult(SourceDocument? Document, string? Failure);
    public sealed class MetadataTable { public string Path = ""; public List<string> Warnings = []; public static MetadataTable? Find(string dir) => null; }
    public static class CorpusScanner
    {
        public static IReadOnlyList<CorpusFile> Scan(string root) => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt") || f.EndsWith(".md")).Where(f => !f.EndsWith("README.md") && !f.EndsWith("SOURCE.md")).Order(StringComparer.Ordinal)
            .Select(f => new CorpusFile(Path.GetRelativePath(root, f).Replace('\\', '/'), f, new FileInfo(f).Length)).ToList();
    }
    public static class DocumentReader
    {
        public static DocumentReadResult Read(CorpusFile f, MetadataTable? t)
        {
            var bytes = File.ReadAllBytes(f.FullPath);
            if (bytes.Length == 0) return new(null, "empty file");
            var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n").TrimStart('\uFEFF');
            var title = text.Split('\n')[0];
            int? year = System.Text.RegularExpressions.Regex.Match(text, @"(19|20)\d\d(?=年)") is { Success: true } m ? int.Parse(m.Value) : null;
            return new(new SourceDocument(f.Key, Path.ChangeExtension(f.Key, null).Replace('/', '.'), text, null,
                new SpeechMetadata { Title = title.Length < 40 ? title : null, Year = year }, Convert.ToHexString(SHA256.HashData(bytes)), [], []), null);
        }
    }
}

namespace SpeechArchive.Classification
{
    public sealed record TaxonomyLabel(string Id, string Label);
    public sealed class Taxonomy
    {
        public string Fingerprint { get; init; } = "stub";
        public string Yaml { get; init; } = "";
        public IReadOnlyList<TaxonomyLabel> Themes { get; init; } = [new("integrity", "反腐倡廉"), new("conduct", "作风建设")];
        public IReadOnlyList<TaxonomyLabel> DirectiveTypes { get; init; } = [new("requirement", "部署要求"), new("prohibition", "禁止告诫")];
        public static Taxonomy Default { get; } = new();
        public static Taxonomy Load(string path) => new();
        public static Taxonomy Parse(string yaml, string name) => new();
    }
    public sealed class SpeechClassifier(Taxonomy t)
    {
        public SpeechLabels Classify(string text, SpeechStructure s) => new(s.Passages.Select(p => new PassageLabels(p.Ordinal,
            text[p.Span.Start..p.Span.End].Contains("腐") ? ["integrity"] : [], [], p.Sentences.Select((x, i) => new SentenceLabel(i, text[x.Start..x.End].Contains("不得") ? "prohibition" : text[x.Start..x.End].StartsWith("要") ? "requirement" : null, [])).ToList())).ToList(), new Dictionary<string, double>());
    }
}
