using System.Text.Json;
using SpeechArchive.Documents;

namespace SpeechArchive.Search;

/// <summary>A speech as shown by <c>show</c> and <c>/api/speeches/{id}</c>: metadata with provenance, outline, labels, passages.</summary>
public sealed record SpeechView
{
    public required string Id { get; init; }
    public required string File { get; init; }
    public required string Title { get; init; }
    public string? Date { get; init; }
    public int? Year { get; init; }
    public string? Speaker { get; init; }
    public string? Organization { get; init; }
    /// <summary>The category id as the metadata gives it.</summary>
    public string? Category { get; init; }
    /// <summary>The category's label (类别, see <see cref="Documents.CategoryLabels"/>).</summary>
    public string? CategoryLabel { get; init; }
    public string? Meeting { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public MetadataProvenance? TitleProvenance { get; init; }
    public MetadataProvenance? YearProvenance { get; init; }
    public string? Salutation { get; init; }
    public int Characters { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyList<ThemeShare> ThemeShares { get; init; } = [];
    public IReadOnlyList<SectionInfo> Sections { get; init; } = [];
    public IReadOnlyList<PassageView> Passages { get; init; } = [];

    /// <summary>The view of speech <paramref name="id"/>; with <paramref name="withReasons"/> every label carries the cues and context that decided it.</summary>
    public static SpeechView? Create(IndexSnapshot index, string id, bool withReasons = false)
    {
        ArgumentNullException.ThrowIfNull(index);
        var s = index.FindSpeech(id);
        if (s is null)
        {
            return null;
        }

        Provenance? provenance = null;
        if (s.Provenance is not null)
        {
            provenance = JsonSerializer.Deserialize<Provenance>(s.Provenance, JsonDefaults.Options);
        }

        var labels = withReasons ? LabelExplainer.Explain(index, s) : null;
        return new SpeechView
        {
            Id = s.Id,
            File = s.FileKey,
            Title = s.Title,
            Date = s.Date,
            Year = s.Year,
            Speaker = s.Speaker,
            Organization = s.Organization,
            Category = s.Category,
            CategoryLabel = s.CategoryLabel,
            Meeting = s.Meeting,
            Source = s.Source,
            Tags = s.Tags,
            TitleProvenance = provenance?.Title,
            YearProvenance = provenance?.Year,
            Characters = s.TextLength,
            Warnings = s.Warnings,
            ThemeShares = s.ThemeShares.OrderByDescending(kv => kv.Value).Select(kv => new ThemeShare(kv.Key, index.LabelOfTheme(kv.Key), kv.Value)).ToList(),
            Sections = s.Sections,
            Passages = s.Passages.Select((p, i) => PassageView.Create(index, p, labels?.Passages[i])).ToList(),
        };
    }

    private sealed record Provenance(MetadataProvenance? Title, MetadataProvenance? Year);
}

/// <summary>A theme's share of a speech's passages.</summary>
public sealed record ThemeShare(string Id, string Label, double Share);

/// <summary>A passage with its place, text and labels.</summary>
public sealed record PassageView(string Id, int Ordinal, string Section, string? PointLabel, int Start, int End, string Text,
    IReadOnlyList<string> Themes, IReadOnlyList<string> DirectiveTypes, IReadOnlyList<SentenceView> Sentences)
{
    /// <summary>Why the passage has its themes (present when reasons were asked for).</summary>
    public IReadOnlyList<string>? ThemeReasons { get; init; }

    public static PassageView Create(IndexSnapshot index, int passage, Classification.PassageLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var p = index.Passages[passage];
        var speech = index.Speeches[p.Speech];
        return new PassageView(p.Id, p.Ordinal, p.SectionPath, p.PointLabel, p.Start, p.End, index.PassageText(passage), p.Themes, p.DirectiveTypes,
            p.Sentences.Select((s, i) => new SentenceView(s.Start, s.End, speech.TextSpan[s.Start..s.End].ToString(), s.Type)
            {
                Reasons = labels is not null && i < labels.Sentences.Count ? labels.Sentences[i].Reasons : null,
            }).ToList())
        {
            ThemeReasons = labels?.Reasons,
        };
    }
}

/// <summary>A sentence with its directive type (or null).</summary>
public sealed record SentenceView(int Start, int End, string Text, string? DirectiveType)
{
    /// <summary>Why the sentence has its type (present when reasons were asked for).</summary>
    public IReadOnlyList<string>? Reasons { get; init; }
}
