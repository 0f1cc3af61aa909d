using YamlDotNet.RepresentationModel;

namespace SpeechArchive.Classification;

/// <summary>Builds taxonomy errors that name the source file and the line of the offending YAML node.</summary>
internal sealed class TaxonomyErrors(string source)
{
    public string Source { get; } = source;

    public SpeechArchiveException At(YamlNode node, string reason) => At(LineOf(node), reason);

    public SpeechArchiveException At(int line, string reason) => new($"{Source}, line {line}: {reason}");

    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}
