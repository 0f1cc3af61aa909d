using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SpeechArchive.Classification;

/// <summary>Turns taxonomy YAML into a validated <see cref="Taxonomy"/>; every error names the source and line.</summary>
internal static partial class TaxonomyReader
{
    internal const int MaxChars = 2_000_000;
    private const int MaxEvents = 400_000;
    private const int MaxDepth = 16;

    private static readonly string[] RootKeys = ["version", "settings", "themes", "directiveTypes", "contexts"];

    public static Taxonomy Read(string yaml, string source)
    {
        if (yaml.Length > MaxChars)
        {
            throw new SpeechArchiveException($"{source}: taxonomy file has {yaml.Length:N0} characters; at most {MaxChars:N0} are allowed.");
        }

        Prescan(yaml, source);
        var root = LoadRoot(yaml, source);
        var errors = new TaxonomyErrors(source);
        CheckKeys(root, RootKeys, "the top level", errors);

        if (Find(root, "version") is { } version && ReadNumber(version, errors) != 1)
        {
            throw errors.At(version, "version must be 1.");
        }

        var patterns = new CompiledPatterns();
        var settings = Find(root, "settings") is { } settingsNode ? ReadSettings(settingsNode, errors, patterns) : new TaxonomySettings();
        var themes = ReadLabels(root, "themes", errors, patterns);
        var directives = ReadLabels(root, "directiveTypes", errors, patterns);
        CheckDisjoint(themes, directives, errors);
        var contexts = ReadContexts(root, directives, errors, patterns);

        var settingsMapping = Find(root, "settings") as YamlMappingNode;
        if (settings.QuoteCarries.Length > 0)
        {
            var given = settingsMapping is null ? null : Find(settingsMapping, "quoteCarries");
            var resolved = ResolveDirective(directives, settings.QuoteCarries);
            if (resolved is null && given is not null)
            {
                throw errors.At(given, $"quoteCarries '{settings.QuoteCarries}' is not a directive type id or label.");
            }

            // The default (relay) quietly does nothing in a taxonomy without that type.
            settings = settings with { QuoteCarries = resolved ?? "" };
        }

        if (settings.HeadingFavours.Length > 0)
        {
            var resolved = ResolveDirective(directives, settings.HeadingFavours)
                ?? throw errors.At(Find(settingsMapping!, "headingFavours")!, $"headingFavours '{settings.HeadingFavours}' is not a directive type id or label.");
            settings = settings with { HeadingFavours = resolved };
        }

        foreach (var exempt in settings.ContrastExempt)
        {
            if (ResolveDirective(directives, exempt) is null)
            {
                throw errors.At(Find(settingsMapping!, "contrastExempt")!, $"contrastExempt '{exempt}' is not a directive type id or label.");
            }
        }

        settings = settings with { ContrastExempt = [.. settings.ContrastExempt.Select(e => ResolveDirective(directives, e)!)] };
        return new Taxonomy(source, settings, [.. themes.Select(t => t.Label)], [.. directives.Select(d => d.Label)], contexts, patterns);
    }

    private static void Prescan(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var events = 0;
        var line = 1L;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                line = current.Start.Line;
                if (++events > MaxEvents)
                {
                    throw new SpeechArchiveException($"{source}, line {current.Start.Line}: the file has more than {MaxEvents:N0} YAML nodes.");
                }

                switch (current)
                {
                    case AnchorAlias alias:
                        throw new SpeechArchiveException($"{source}, line {alias.Start.Line}: aliases (*{alias.Value}) are not allowed in a taxonomy file; write the value out.");
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        throw new SpeechArchiveException($"{source}, line {node.Start.Line}: anchors (&{node.Anchor}) are not allowed in a taxonomy file.");
                }

                if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    throw new SpeechArchiveException($"{source}, line {current.Start.Line}: nesting deeper than {MaxDepth} levels.");
                }

                if (current is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
            }
        }
        catch (YamlException e)
        {
            throw SyntaxError(source, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some malformed flow collections this way, without a position: name the last line it read.
            throw new SpeechArchiveException($"{source}, line {line}: YAML syntax error after this line (an unclosed {{ or [ ?): {e.Message}", e);
        }
    }

    private static YamlMappingNode LoadRoot(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw SyntaxError(source, e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpeechArchiveException($"{source}: expected exactly one YAML document, found {stream.Documents.Count}.");
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new SpeechArchiveException($"{source}, line {stream.Documents[0].RootNode.Start.Line}: the top level must be a mapping (settings:, themes:, directiveTypes:, contexts:).");
    }

    private static SpeechArchiveException SyntaxError(string source, YamlException e)
    {
        var reason = (e.InnerException ?? e).Message;
        var cut = reason.IndexOf("): ", StringComparison.Ordinal);
        if (reason.StartsWith("(Line", StringComparison.Ordinal) && cut > 0)
        {
            reason = reason[(cut + 3)..];
        }

        return new SpeechArchiveException($"{source}, line {e.Start.Line}: YAML syntax error: {reason}", e);
    }
}
