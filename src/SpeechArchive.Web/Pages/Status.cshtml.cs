using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpeechArchive.Web.Pages;

/// <summary>The page shown for error status codes (re-executed by the status-code middleware).</summary>
internal sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code)
    {
        if (code is >= 400 and <= 599 && Response.StatusCode == 200)
        {
            Response.StatusCode = code;
        }

        (Heading, Message) = code switch
        {
            404 => ("页面不存在", "没有找到这个地址，讲话可能已被移出语料库。"),
            400 => ("请求无效", "请求的参数无法识别。"),
            413 => ("上传过大", "请求体超过了上限，请分批上传。"),
            429 => ("尝试次数过多", "请一分钟后再试。"),
            >= 500 => ("服务器出错", "处理请求时出错，请稍后再试。"),
            _ => ("出错了", "请求未能完成（状态码 " + code + "）。"),
        };
    }
}
