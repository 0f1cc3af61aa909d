using System.Collections;

namespace SpeechArchive.Classification;

/// <summary>
/// Reasons formatted on first access: classifying a whole corpus decides every label but formats the reason lines only
/// for the labels someone looks at.
/// </summary>
internal sealed class LazyReasons(Func<List<string>> build) : IReadOnlyList<string>
{
    private List<string>? items;

    public int Count => Items.Count;

    private List<string> Items => items ??= build();

    public string this[int index] => Items[index];

    public IEnumerator<string> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(" | ", Items);
}
