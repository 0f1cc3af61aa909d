namespace SpeechArchive.Web.Uploads;

/// <summary>
/// Reads a name given to delete an upload (<c>DELETE /api/admin/uploads/{name}</c>, the admin page's 删除): a bare file
/// name in <c>uploads/</c> as the listing gives it, never a path. Refuses either slash, encoded ones too (<c>%2F</c>),
/// <c>.</c>, <c>..</c> and every hidden name (the indexer skips those), control characters, a drive's or stream's colon,
/// and anything but .md/.txt. <see cref="UploadService.Delete"/> still checks that the full path lands in the folder.
/// </summary>
internal static class UploadedName
{
    /// <summary>Why <paramref name="name"/> cannot name an uploaded file (in Chinese, then English), or null when it can.</summary>
    public static string? Refusal(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "没有给出文件名。(no file name)";
        }

        // Routing decodes a path segment but leaves an encoded slash as %2F (it cannot tell it from a separator later on).
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("%2F", StringComparison.OrdinalIgnoreCase))
        {
            return $"“{name}”是路径：请用上传列表中的文件名，如 讲话.md，不含 /、\\ 或 %2F。(a file name in uploads/, not a path)";
        }

        if (name.StartsWith('.'))
        {
            return $"“{name}”不是上传的文件名：不能以“.”开头（. 与 .. 指向文件夹）。(no . or .. or hidden names)";
        }

        if (name.Any(c => char.IsControl(c) || c == ':'))
        {
            return "文件名含控制字符或冒号，不是上传的文件名。(control characters or a colon)";
        }

        return UploadLimits.IsDocument(name) ? null : $"“{name}”不是 .md 或 .txt 文件：只能删除上传的讲话文件。(only .md and .txt uploads)";
    }
}
