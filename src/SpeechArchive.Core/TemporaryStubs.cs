// Temporary stand-ins until the Documents, Structure and Classification branches merge. Deleted at merge.
#pragma warning disable
using System.Security.Cryptography;
using System.Text;
using SpeechArchive.Classification;
using SpeechArchive.Structure;

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
