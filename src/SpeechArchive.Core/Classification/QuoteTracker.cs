namespace SpeechArchive.Classification;

/// <summary>
/// Carries a relay into the later sentences of the quotation it opens: in 习近平总书记指出“…。我们…必须…。” the second
/// sentence is still the relayed words. Works within one passage.
/// </summary>
internal sealed class QuoteTracker(Taxonomy taxonomy, SpeechWork work)
{
    private int passage = -1;
    private int depth;
    private ActiveContext? carrying;

    /// <summary>The carried relay for a sentence that starts inside such a quotation, else null.</summary>
    public ActiveContext? Before(SpeechUnit unit)
    {
        if (unit.PassageIndex != passage)
        {
            passage = unit.PassageIndex;
            depth = 0;
            carrying = null;
        }

        return depth > 0 ? carrying : null;
    }

    /// <summary>Updates the quotation depth after the sentence and starts carrying when a relay sentence leaves a quotation open.</summary>
    public void After(SpeechUnit unit, string? type)
    {
        var text = work.Text;
        var before = depth;
        for (var i = unit.Start; i < unit.End && i < text.Length; i++)
        {
            depth += text[i] switch
            {
                '“' or '「' or '『' => 1,
                '”' or '」' or '』' => depth > 0 ? -1 : 0,
                _ => 0,
            };
        }

        var carries = taxonomy.Settings.QuoteCarries;
        if (depth == 0)
        {
            carrying = null;
        }
        else if (carries.Length > 0 && type == carries && (carrying is null || depth > before))
        {
            var reason = $"context: inside the quotation opened by \"{work.Snippet(unit.Start, unit.End)}\" → {carries} {ReasonText.Signed(taxonomy.Settings.QuoteBonus)}";
            carrying = new ActiveContext(new TaxonomyContext("quotation", "引文", "", carries, taxonomy.Settings.QuoteBonus, 0, []), reason);
        }
    }
}
