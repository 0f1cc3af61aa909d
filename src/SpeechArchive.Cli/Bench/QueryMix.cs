namespace SpeechArchive.Cli.Bench;

/// <summary>What a request of the mix runs: a search, a concordance (KWIC) of a phrase, or the passages similar to one.</summary>
internal enum MixKind
{
    Search,
    Concordance,
    Similar,
}

/// <summary>The fixed query mix of the benchmark, by class. Real queries a writer or analyst would type.</summary>
internal static class QueryMix
{
    /// <summary>
    /// Questions and paraphrases whose meaning vectors measure the k-means cells' recall against a scan of every passage
    /// (none of them in the mix).
    /// </summary>
    public static IReadOnlyList<string> MeaningProbes { get; } =
    [
        "离婚后孩子归谁抚养", "公司拖欠工资不给怎么办", "交通事故对方全责怎么赔偿", "房东不退押金", "邻居装修噪音扰民",
        "网购买到假货怎么维权", "老人没人赡养", "工伤认定需要什么材料", "农村宅基地能不能卖", "借钱不还可以起诉吗",
        "当官的不作为", "领导干部收红包", "政府衙门修得比宾馆还气派", "大吃大喝公款旅游", "干部家属经商",
        "空气污染治理", "河里的水又黑又臭", "种地不交钱了", "挖煤的安全", "看病贵看病难",
        "孩子上学难", "年轻人找工作", "老百姓的养老钱", "物价涨得太快", "城里房子太贵",
        "扶贫款被挪用", "选拔年轻干部", "基层减负", "对台湾的政策", "国有企业改革",
        "科技创新靠人才", "粮食安全", "食品安全监管", "反对形式主义官僚主义", "巡视发现的问题整改",
    ];

    public static IReadOnlyList<(string Class, MixKind Kind, string[] Queries)> Classes { get; } =
    [
        ("rare phrase", MixKind.Search, ["全面从严治党永远在路上", "不敢腐不能腐不想腐", "\"两个确立\"", "一岗双责", "八项规定精神", "以案促改"]),
        ("broad word", MixKind.Search, ["依法", "加强", "发展", "建设", "工作", "人民"]),
        ("long clause", MixKind.Search, ["坚持以习近平新时代中国特色社会主义思想为指导", "推动全面从严治党向纵深发展", "巩固发展反腐败斗争压倒性胜利", "加快建设社会主义现代化国家", "中华人民共和国全国人民代表大会常务委员会"]),
        ("filtered", MixKind.Search, ["依法 year:2018..2022", "作风建设 theme:conduct", "加强 type:requirement", "改革 year:2000..2010 type:achievement", "监督 category:行政法规"]),
        ("facet only", MixKind.Search, ["year:2020", "theme:integrity", "type:prohibition", "year:1990..2000", "category:司法解释"]),
        // Free text as people type it: questions and plain words, read as words with question and function words dropped.
        ("question", MixKind.Search, ["怎样防止干部腐败", "公款大吃大喝", "老百姓买房难", "拖欠农民工工资怎么办", "如何保护耕地", "为什么要全面从严治党", "企业怎样申请破产"]),
        ("multi-word", MixKind.Search, ["依法 治国", "作风 纪律", "改革 开放 发展", "群众 -窗口", "四风 OR 形式主义"]),
        // A concordance's first page (100 lines) with its counts by year and duplicates.
        ("concordance", MixKind.Concordance, ["一岗双责", "两个确立", "两个维护", "八项规定精神", "政治生态"]),
        // The passages of other speeches most like the top hit of each search (a writer's "more like this").
        ("similar passages", MixKind.Similar, ["一岗双责", "全面从严治党永远在路上", "八项规定精神", "依法 治国", "作风建设"]),
    ];
}
