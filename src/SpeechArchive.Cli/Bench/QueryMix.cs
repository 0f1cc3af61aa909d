namespace SpeechArchive.Cli.Bench;

/// <summary>The fixed query mix of the benchmark, by class. Real queries a writer or analyst would type.</summary>
internal static class QueryMix
{
    public static IReadOnlyList<(string Class, string[] Queries)> Classes { get; } =
    [
        ("rare phrase", ["全面从严治党永远在路上", "不敢腐不能腐不想腐", "\"两个确立\"", "一岗双责", "八项规定精神", "以案促改"]),
        ("broad word", ["依法", "加强", "发展", "建设", "工作", "人民"]),
        ("long clause", ["坚持以习近平新时代中国特色社会主义思想为指导", "推动全面从严治党向纵深发展", "巩固发展反腐败斗争压倒性胜利", "加快建设社会主义现代化国家", "中华人民共和国全国人民代表大会常务委员会"]),
        ("filtered", ["依法 year:2018..2022", "作风建设 theme:conduct", "加强 type:requirement", "改革 year:2000..2010 type:achievement", "监督 org:行政法规"]),
        ("facet only", ["year:2020", "theme:integrity", "type:prohibition", "year:1990..2000", "org:司法解释"]),
        ("multi-word", ["依法 治国", "作风 纪律", "改革 开放 发展", "群众 -窗口", "四风 OR 形式主义"]),
    ];
}
