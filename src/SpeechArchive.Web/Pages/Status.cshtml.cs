using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeechArchive.Web.Security;

namespace SpeechArchive.Web.Pages;

/// <summary>
/// The page shown for error status codes (re-executed by the status-code middleware, with the method of the request it
/// answers: a refused form's POST is answered here too, and its token is not checked again, which refused it a second time
/// with an empty body).
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>For a form refused by the antiforgery check, the address of the page it was sent to, to open it again; else null.</summary>
    public string? FormPage { get; private set; }

    public void OnGet(int code)
    {
        if (code is >= 400 and <= 599 && Response.StatusCode == 200)
        {
            Response.StatusCode = code;
        }

        if (code == StatusCodes.Status400BadRequest && AntiforgeryRefusal.IsRefused(HttpContext))
        {
            Heading = "页面已过期";
            Message = "页面已过期或表单校验失败，请刷新页面后重试。表单所带的校验码缺失，或与浏览器保存的 Cookie 不符（例如表单是在另一个浏览器中打开的，或 Cookie 已被清除），这次提交没有执行。";
            FormPage = RefusedFormPage();
            return;
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

    public void OnPost(int code) => OnGet(code);

    /// <summary>The path the refused form was sent to (its page, without the handler's query), when it is a local one.</summary>
    private string? RefusedFormPage()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (original is null)
        {
            return null;
        }

        var page = (new PathString(original.OriginalPathBase) + new PathString(original.OriginalPath)).ToUriComponent();
        return Url.IsLocalUrl(page) ? page : null;
    }
}
