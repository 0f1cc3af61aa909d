namespace SpeechArchive.Web.Presentation;

/// <summary>Chinese names of the indexer's stages (admin.js has the same table for live updates).</summary>
internal static class StageLabels
{
    public static string Of(string stage) => stage switch
    {
        "start" => "准备",
        "read" => "读取文件",
        "parse" => "解析与标注",
        "relabel" => "重新标注",
        "commit" => "写入索引",
        "done" => "完成",
        "failed" => "失败",
        _ => stage,
    };
}
