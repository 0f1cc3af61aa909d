using SpeechArchive.Search;
using SpeechArchive.Web.Api.Parameters;

namespace SpeechArchive.Web.Api;

/// <summary>
/// The search's URL parameters, shared by the search page and <c>/api/search</c>, <c>/api/facets</c>: how each is read
/// (<see cref="SearchQuery"/> parses through them) and described in the OpenAPI document (<see cref="All"/>).
/// The filters are also the writers' tools' filters.
/// </summary>
internal static class SearchParameters
{
    public const int MaxPage = 10_000;

    public static readonly TextParameter Q = new("q", "检索式：词语、\"带引号的短语\"、-排除词、OR，也可写 year:2022、theme:integrity 等过滤条件（语法见 /help）。不给出时按过滤条件列出全部段落。")
    {
        MaxLength = QueryParser.MaxLength,
    };

    public static readonly TextListParameter Theme = new("theme", "主题编号（见 /help 的“主题”），可重复，多个值之间为“或”。");
    public static readonly TextListParameter Year = new("year", "年份（2022）或区间（2018..2022），可重复，多个值之间为“或”。");
    public static readonly TextListParameter Type = new("type", "指示类型编号（见 /help 的“指示类型”），可重复，多个值之间为“或”。");
    public static readonly TextListParameter Org = new("org", "单位名称，可重复，多个值之间为“或”。");
    public static readonly TextListParameter Category = new("category", "类别（类别名或编号，须完全一致，见“类别”分面），可重复，多个值之间为“或”。");
    public static readonly TextListParameter Speaker = new("speaker", "讲话人，可重复，多个值之间为“或”。");

    /// <summary>The facet parameters in the order the UI shows them; each is also its filter's field in the query syntax (<c>year:2022</c>).</summary>
    public static IReadOnlyList<TextListParameter> Filters { get; } = [Theme, Year, Type, Org, Category, Speaker];

    /// <summary>
    /// The order of the hits. <c>date</c> is the older word for <c>date-desc</c> (newest first), as this API has always read it;
    /// the concordance's <c>date</c> is oldest first (<see cref="WritingParameters.ConcordanceOrder"/>), so links write the explicit words.
    /// </summary>
    public static readonly ChoiceParameter<SearchSort> Sort = new("sort",
        "排序：relevance 按相关度（默认），date-desc 最新在前，date-asc 最早在前；date 是 date-desc 的旧写法（本接口的时间顺序是最新在前），仍然可用。",
        ("relevance", SearchSort.Relevance), ("date-desc", SearchSort.DateDescending), ("date-asc", SearchSort.DateAscending), ("date", SearchSort.DateDescending));

    public static readonly IntegerParameter Page = new("page", "页码，从 1 起；给出时代替 offset（offset = (page − 1) × limit）。", 1, 1, MaxPage);

    public static readonly FlagParameter Group = new("group", "每篇讲话只列最相关的一段（也接受 1/0、on/off）。", false);

    public static readonly FlagParameter Expand = new("expand", "同时检索同义词表中的对应词（如 四风 → 形式主义）；false 或 0 只检索原词。", true);

    public static readonly FlagParameter Near = new("near", "在严格命中之后列出近似结果（不计入总数和分面）；false 或 0 不列。", true);

    public static readonly FlagParameter Fold = new("fold", "同一段文字印在几处（同一篇讲话的不同来源）时只列一次，其余列在“同文另见”；每篇一条（group=1）时，同一篇讲话的两个印本合为一条。false 或 0 每处各列一条。分面始终按段计；总数按段计，每篇一条时按篇计。", true);

    /// <summary>The most formulations <see cref="NoForm"/> names.</summary>
    public const int MaxNoForm = 20;

    public static readonly TextListParameter NoForm = new("noform", "不按这个提法理解自由文本（检索页“按提法”标签上的 ×）：仍按原词、同义词和意思检索，只是不再检索含这个提法的段落；可重复。")
    {
        MaxItems = MaxNoForm,
    };

    public static readonly ChoiceParameter<bool> Mode = new("mode", "words：按自由文本理解（默认）；exact：照输入严格检索，每段连续汉字是一个短语，每个词都必须出现。",
        ("words", false), ("exact", true));

    /// <summary>How many hits a page holds: <paramref name="fallback"/> when absent, at most <paramref name="maximum"/>.</summary>
    public static IntegerParameter Limit(int fallback, int maximum) => new("limit", "每页条数。", fallback, 0, maximum);

    /// <summary>How many hits to skip: as far as <see cref="MaxPage"/> pages of the largest size.</summary>
    public static IntegerParameter Offset(int maxLimit) => new("offset", "跳过前多少条（page 给出时不用）。", 0, 0, Math.Min(MaxPage * maxLimit, SearchRequest.MaxOffset));

    /// <summary>Every parameter a search reads, for a page size of <paramref name="defaultLimit"/> (at most <paramref name="maxLimit"/>).</summary>
    public static IReadOnlyList<QueryParameter> All(int defaultLimit, int maxLimit) =>
        [Q, .. Filters, Sort, Page, Offset(maxLimit), Limit(defaultLimit, maxLimit), Group, Expand, Near, Fold, Mode, NoForm];
}
