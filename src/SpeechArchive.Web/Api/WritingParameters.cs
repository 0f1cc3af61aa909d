using SpeechArchive.Search;
using SpeechArchive.Web.Api.Parameters;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Api;

/// <summary>
/// The URL parameters the writers' tools' pages and API share — <c>q</c> (repeatable for trends), sort, <c>min</c>, format — and
/// a request's values of them, with the search page's filters. The API's own parameters sit beside its handlers in <see cref="WritingApi"/>.
/// </summary>
internal sealed class WritingParameters(IQueryCollection query)
{
    public static readonly TextParameter Phrase = new("q", "要查的短语；几个短语可用 OR 连接，也可写 year:2022 等过滤条件。") { Required = true, MaxLength = QueryParser.MaxLength };

    public static readonly TextParameter Formulation = new("q", $"要查的提法，至少 {VariantFinder.MinLength} 个字。") { Required = true, MaxLength = QueryParser.MaxLength };

    public static readonly TextParameter Terms = new("q", "检索式（同检索页），为它找相关词。") { Required = true, MaxLength = QueryParser.MaxLength };

    public static readonly TextParameter Word = new("q", "一个词（空白不计）。") { Required = true };

    public static readonly TextParameter Typed = new("q", $"输入框里已经输入的文字；补全它的最后一个词（至少 {Completions.MinTyped} 个汉字；是过滤条件、运算符或含标点、字母时不补全）。") { Required = true, MaxLength = QueryParser.MaxLength };

    public static readonly TextListParameter TrendPhrases = new("q", "要比较的短语，重复 q 给出几个。")
    {
        Required = true,
        MaxItems = TrendRequest.MaxPhrases,
    };

    /// <summary>
    /// The order of a concordance's rows. <c>date</c> is the older word for <c>date-asc</c> (oldest first), as this API has always
    /// read it; the search's <c>date</c> is newest first (<see cref="SearchParameters.Sort"/>), so links write the explicit words.
    /// </summary>
    public static readonly ChoiceParameter<ConcordanceSort> ConcordanceOrder = new("sort",
        "排序：date-asc 按时间、最早在前（默认），date-desc 最新在前，left 按左侧语境（从命中处向左读），right 按右侧语境；date 是 date-asc 的旧写法（本接口的时间顺序是最早在前），仍然可用。",
        ("date-asc", ConcordanceSort.Date), ("date-desc", ConcordanceSort.DateDescending), ("left", ConcordanceSort.Left), ("right", ConcordanceSort.Right), ("date", ConcordanceSort.Date));

    public static readonly ShareParameter MinSimilarity = new("min", "变体与原提法至少多相近（1 为字字相同）。", 0.6);

    public static readonly CsvFormatParameter Format = new("csv：以 CSV 文件（UTF-8，带 BOM）返回，json：JSON（默认）。");

    public string Q => Phrase.Read(query);

    public IReadOnlyList<string> Phrases => TrendPhrases.Read(query);

    /// <summary>The search page's filter parameters as the request carries them (for a page's form and links).</summary>
    public SearchQuery Selection { get; } = SearchQuery.From(query);

    public IReadOnlyList<string> Filters => Selection.FilterProblem is { } problem ? throw new QuerySyntaxException(problem) : Selection.Filters();

    public bool WantsCsv => Format.Read(query);

    public T Read<T>(QueryParameter<T> parameter) => parameter.Read(query);
}
