namespace SpeechArchive.Documents;

/// <summary>A Markdown text cut into its YAML front matter (if any) and the body after it.</summary>
/// <param name="Yaml">The lines between the fences, or null when the file has no front matter.</param>
/// <param name="YamlFirstLine">1-based file line of the first YAML line (2 when the file opens with the fence).</param>
/// <param name="Body">The Markdown after the closing fence (the whole text when there is no front matter).</param>
/// <param name="Failure">Why the front matter could not be cut out, or null.</param>
internal sealed record FrontMatterSplit(string? Yaml, int YamlFirstLine, string Body, string? Failure);
