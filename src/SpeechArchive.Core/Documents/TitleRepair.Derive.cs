using System.Text.RegularExpressions;

namespace SpeechArchive.Documents;

public static partial class TitleRepair
{
    /// <summary>A title derived from the opening is cut to at most this many characters (at a clause mark).</summary>
    public const int MaxExcerptLength = 40;

    /// <summary>What ends an event's name in an occasion: 峰会, 大会, 座谈会, 开幕式, ….</summary>
    private const string Event = "(?:峰会|大会|论坛|博览会|交易会|开幕式|年会|会议|座谈会|对话会|会晤|全会|典礼|庆典|研讨会)";

    private const string Clause = "[^，。！？；：,!?;:]";

    /// <summary>Title from the opening at <paramref name="start"/>: a letter's conventional title, else the occasion it names, else an excerpt of its first sentence.</summary>
    private static RepairedTitle? Derive(string text, int start)
    {
        var opening = text.Substring(start, Math.Min(OpeningLength, text.Length - start));
        if (Letter(opening) is { } letter)
        {
            return new RepairedTitle(letter, null, "letter's addressee or occasion in its opening", Derived: true, OccasionConfidence);
        }

        var sentences = SentenceEnd().Split(AfterAddress(opening))
            .Select(s => s.Trim())
            .Where(s => s.Length > 5 && !MetadataInference.IsGreetingSentence(s) && MetadataInference.SalutationLength(s) < s.Length)
            .Take(3)
            .ToList();
        foreach (var sentence in sentences)
        {
            if (Occasion(sentence) is { } occasion)
            {
                return new RepairedTitle(occasion, null, "occasion named in the opening", Derived: true, OccasionConfidence);
            }
        }

        return sentences.Count == 0 ? null
            : new RepairedTitle(Excerpt(sentences[0]), null, "excerpt of the opening", Derived: true, ExcerptConfidence);
    }

    /// <summary>回信X：… → 给X的回信; 贺信值此X召开之际… → 致X的贺信.</summary>
    private static string? Letter(string opening) =>
        ReplyHeading().Match(opening) is { Success: true } reply ? $"给{reply.Groups["x"].Value}的回信"
        : GreetingLetter().Match(opening) is { Success: true } greeting ? $"致{greeting.Groups["x"].Value}的贺信"
        : null;

    /// <summary>The opening after its form of address: up to the colon that ends it, else what the salutation pattern takes.</summary>
    private static string AfterAddress(string opening)
    {
        var salutation = MetadataInference.SalutationLength(opening);
        if (salutation == 0)
        {
            return opening;
        }

        var colon = opening.IndexOfAny(['：', ':']);
        var sentenceEnd = opening.IndexOfAny(['。', '！', '？', '；', '!', '?', ';']);
        return colon > 0 && colon < 150 && (sentenceEnd < 0 || colon < sentenceEnd) ? opening[(colon + 1)..] : opening[salutation..];
    }

    /// <summary>The conventional title of the occasion a sentence names, from its own words; null when it names none.</summary>
    private static string? Occasion(string sentence)
    {
        if (Explanation().Match(sentence) is { Success: true } explanation)
        {
            return $"关于{explanation.Groups["x"].Value}的说明";
        }

        if (Instruction().Match(sentence) is { Success: true } instruction)
        {
            return $"对{instruction.Groups["x"].Value}作出的重要指示";
        }

        if (ReplyLetter().Match(sentence) is { Success: true } reply)
        {
            return $"给{reply.Groups["x"].Value}的回信";
        }

        if (Gathering().Match(sentence) is { Success: true } gathering)
        {
            return $"在{gathering.Groups["x"].Value}大会上的讲话";
        }

        if (HeldOnOccasion().Match(sentence) is { Success: true } held)
        {
            var host = held.Groups["host"].Value;
            var keepHost = host.Length > 0 && !host.Contains('我', StringComparison.Ordinal) && !host.Contains("今天", StringComparison.Ordinal)
                && !host.Contains("隆重", StringComparison.Ordinal) && !host.Contains("这里", StringComparison.Ordinal);
            return $"在{(keepHost ? host : "")}{held.Groups["x"].Value}上的讲话";
        }

        var named = Convened().Match(sentence) is { Success: true } convened ? convened
            : AtTheTimeOf().Match(sentence) is { Success: true } time ? time
            : Opened().Match(sentence) is { Success: true } opened ? opened
            : Attended().Match(sentence);
        return named.Success ? $"在{named.Groups["x"].Value}上的讲话" : null;
    }

    /// <summary>The sentence whole when it is short, else cut at its last clause mark within <see cref="MaxExcerptLength"/> (never mid-word) and marked with …</summary>
    private static string Excerpt(string sentence)
    {
        var cut = MetadataInference.Cut(sentence, MaxExcerptLength);
        return cut.Length == sentence.Length ? sentence : cut + "…";
    }

    [GeneratedRegex("[。！？；!?;\n]")]
    private static partial Regex SentenceEnd();

    /// <summary>回信北京科技大学全体巴基斯坦留学生：</summary>
    [GeneratedRegex("^回信(?<x>" + Clause + "{2,40}?)[：:]")]
    private static partial Regex ReplyHeading();

    /// <summary>贺信值此中国少年先锋队第八次全国代表大会召开之际</summary>
    [GeneratedRegex("^贺信值此(?<x>" + Clause + "{2,60}?)(?:开幕|召开|举办|举行|成立)?之际")]
    private static partial Regex GreetingLetter();

    /// <summary>我就《…的建议》起草的有关情况向全会作说明</summary>
    [GeneratedRegex("我就(?<x>《[^》]{2,80}》)[^，。！？；]{0,20}?作说明")]
    private static partial Regex Explanation();

    /// <summary>习近平对脱贫攻坚工作作出重要指示</summary>
    [GeneratedRegex("对(?<x>" + Clause + "{2,20}?)作出重要指示")]
    private static partial Regex Instruction();

    /// <summary>习近平1月18日给74集团军某旅“硬骨头六连”全体官兵回信</summary>
    [GeneratedRegex("给(?<x>" + Clause + "{2,30}?)回信")]
    private static partial Regex ReplyLetter();

    /// <summary>我们在这里隆重集会，纪念中国人民志愿军抗美援朝出国作战70周年</summary>
    [GeneratedRegex("隆重集会[，,](?<x>(?:纪念|庆祝)" + Clause + "{2,40})")]
    private static partial Regex Gathering();

    /// <summary>在联合国成立75周年之际，…，联合国举办生物多样性峰会</summary>
    [GeneratedRegex("^(?:在|值此)" + Clause + "{2,30}之际[，,](?:[^。！？；]*?[，,])?(?<host>" + Clause + "{0,8}?)(?:举办|举行|召开)(?<x>" + Clause + "{2,40}" + Event + ")(?=[，。！？；,]|$)")]
    private static partial Regex HeldOnOccasion();

    /// <summary>今天，我们隆重召开全国抗击新冠肺炎疫情表彰大会; 我们召开一个企业家座谈会; 举行这次世卫大会</summary>
    [GeneratedRegex("(?:我们(?:在这里)?(?:隆重)?(?:召开|举行)了?(?:一个|这次|本次)?|(?:召开|举行)(?:这次|本次))(?<x>" + Clause + "{2,40}" + Event + ")(?=[，。！？；,]|$)")]
    private static partial Regex Convened();

    /// <summary>值此亚洲基础设施投资银行第五届理事会年会开幕之际</summary>
    [GeneratedRegex("^值此(?<x>" + Clause + "{2,40}" + Event + ")(?:开幕|召开|举办|举行|闭幕)?之际")]
    private static partial Regex AtTheTimeOf();

    /// <summary>第三届中国国际进口博览会开幕了</summary>
    [GeneratedRegex("(?<x>" + Clause + "{2,40}" + Event + ")(?:隆重)?开幕了")]
    private static partial Regex Opened();

    /// <summary>很高兴出席今天的气候雄心峰会</summary>
    [GeneratedRegex("(?:出席|参加)(?:今天的|今天|本次|这次)?(?<x>" + Clause + "{2,40}" + Event + ")(?=[，。！？；,]|$|上)")]
    private static partial Regex Attended();
}
