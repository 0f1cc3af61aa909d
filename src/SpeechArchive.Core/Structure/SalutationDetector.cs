namespace SpeechArchive.Structure;

/// <summary>Recognises the opening address of a speech: 同志们：, 各位领导、同志们：, 尊敬的…，女士们，先生们：, or 同志们， leading into the first sentence.</summary>
internal static class SalutationDetector
{
    private const int MaxTerm = 24;
    private const int MaxLength = 120;

    private static readonly string[] Suffixes =
    [
        "们", "代表", "委员", "来宾", "嘉宾", "同事", "同仁", "同志", "领导", "朋友", "先生", "女士", "老师", "同学",
        "元首", "首脑", "总统", "主席", "总理", "国王", "部长", "大使", "负责人", "团长", "资政", "阁下",
    ];

    private static readonly string[] Honorifics = ["尊敬的", "亲爱的", "各位"];

    /// <summary>End (exclusive) of the salutation that opens text[start..end), or -1 when the line does not open with one.</summary>
    public static int MatchEnd(string text, int start, int end)
    {
        int limit = Math.Min(end, start + MaxLength);
        int segment = start;
        int addressed = -1;
        bool addresseesOnly = true;
        for (int i = start; i < limit; i++)
        {
            char c = text[i];
            bool comma = c is '，' or ',' or '、';
            bool colon = c is '：' or ':' or '！' or '!';
            if (!comma && !colon)
            {
                if (TextChars.IsSentenceEnd(c) || c is '；' or ';')
                {
                    return addressed;
                }

                continue;
            }

            Term term = Classify(text, segment, i);
            if (colon)
            {
                return term == Term.Addressee ? i + 1 : addressed;
            }

            if (term == Term.Other)
            {
                return addressed;
            }

            // 同志们，按照…: a run of addressees followed by a comma ends the salutation there.
            if (term == Term.Addressee && addresseesOnly)
            {
                addressed = i + 1;
            }

            addresseesOnly &= term == Term.Addressee;
            segment = i + 1;
        }

        return limit == end && Classify(text, segment, end) == Term.Addressee ? end : addressed;
    }

    private static Term Classify(string text, int start, int end)
    {
        start = TextChars.SkipSpace(text, start, end);
        end = TextChars.TrimEnd(text, start, end);
        int length = end - start;
        if (length == 0 || length > MaxTerm)
        {
            return Term.Other;
        }

        var term = text.AsSpan(start, length);
        foreach (string suffix in Suffixes)
        {
            // 我们, 他们, 人们 are pronouns, not addressees.
            if (term.EndsWith(suffix, StringComparison.Ordinal) && (suffix != "们" || length >= 3))
            {
                return Term.Addressee;
            }
        }

        foreach (string honorific in Honorifics)
        {
            if (term.StartsWith(honorific, StringComparison.Ordinal))
            {
                return Term.Honorific;
            }
        }

        return Term.Other;
    }

    private enum Term
    {
        Other,
        Honorific,
        Addressee,
    }
}
