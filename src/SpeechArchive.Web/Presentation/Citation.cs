using SpeechArchive.Search;

namespace SpeechArchive.Web.Presentation;

/// <summary>The citation of a passage: 《title》，speaker，organisation，date，section path.</summary>
internal static class Citation
{
    public static string Of(SpeechView speech, PassageView passage)
    {
        var date = speech.Date ?? (speech.Year is int y ? y + "年" : null);
        var parts = new[] { "《" + speech.Title + "》", speech.Speaker, speech.Organization ?? speech.Category, date, passage.Section };
        return string.Join("，", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
