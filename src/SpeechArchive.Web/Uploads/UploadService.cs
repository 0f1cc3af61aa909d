using SpeechArchive.Documents;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Uploads;

/// <summary>
/// Validates uploaded .md/.txt files (or those inside a .zip) by reading a temporary copy with the core
/// <see cref="DocumentReader"/>, and writes the accepted ones under <c>uploads/</c> in the corpus with sanitised names.
/// </summary>
internal sealed partial class UploadService(ArchiveHost archive, ILogger<UploadService> logger)
{
    public const string Folder = "uploads";

    public async Task<IReadOnlyList<UploadOutcome>> StoreAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellation)
    {
        var outcomes = new List<UploadOutcome>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Take(UploadLimits.FilesPerRequest))
        {
            var name = file.FileName;
            if (UploadLimits.IsZip(name))
            {
                // The form stream cannot seek before its start, which ZipArchive does on bad input: read the zip into memory (the request is bounded).
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, cancellation);
                buffer.Position = 0;
                outcomes.AddRange(StoreZip(name, buffer, taken));
            }
            else if (!UploadLimits.IsDocument(name))
            {
                outcomes.Add(UploadOutcome.Reject(name, "只接受 .md、.txt 或 .zip 文件"));
            }
            else if (file.Length > UploadLimits.DocumentBytes)
            {
                outcomes.Add(UploadOutcome.Reject(name, $"文件过大（上限 {UploadLimits.DocumentBytes / 1024 / 1024} MB）"));
            }
            else
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, cancellation);
                outcomes.Add(StoreDocument(name, buffer.ToArray(), taken));
            }
        }

        if (files.Count > UploadLimits.FilesPerRequest)
        {
            outcomes.Add(UploadOutcome.Reject($"其余 {files.Count - UploadLimits.FilesPerRequest} 个文件", $"一次最多上传 {UploadLimits.FilesPerRequest} 个文件"));
        }

        return outcomes;
    }

    private UploadOutcome StoreDocument(string name, byte[] bytes, HashSet<string> taken)
    {
        var safe = FileNameSanitizer.Sanitize(name, out var why);
        if (safe is null)
        {
            return UploadOutcome.Reject(name, why!);
        }

        if (!UploadLimits.IsDocument(safe))
        {
            return UploadOutcome.Reject(name, "只接受 .md、.txt 文件");
        }

        if (!taken.Add(safe))
        {
            return UploadOutcome.Reject(name, $"本次上传中已有同名文件 {safe}");
        }

        var problem = Validate(safe, bytes);
        if (problem is not null)
        {
            return UploadOutcome.Reject(name, problem);
        }

        var folder = Path.Combine(archive.CorpusDirectory, Folder);
        var target = Path.GetFullPath(Path.Combine(folder, safe));
        if (!target.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return UploadOutcome.Reject(name, "文件名无效");
        }

        Directory.CreateDirectory(folder);
        var replaced = File.Exists(target);
        var temporary = target + ".part";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, target, overwrite: true);
        logger.UploadStored(target, bytes.Length);
        return UploadOutcome.Accept(name, Folder + "/" + safe, replaced ? "替换了同名文件" : null);
    }

    /// <summary>Why the bytes are not an acceptable speech, or null: checked on a temporary copy through the document reader.</summary>
    private static string? Validate(string safeName, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "空文件";
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return "不是文本文件（含 NUL 字节）";
        }

        var folder = Path.Combine(Path.GetTempPath(), "speecharchive-upload", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, safeName);
            File.WriteAllBytes(path, bytes);
            var read = new DocumentReader().Read(new CorpusFile(Folder + "/" + safeName, path, bytes.Length), null);
            if (read.Document is null)
            {
                return "无法读取：" + (read.Reason ?? "未知原因");
            }

            return string.IsNullOrWhiteSpace(read.Document.Text) ? "没有正文" : null;
        }
        catch (Exception e) when (e is SpeechArchiveException or IOException or System.Text.DecoderFallbackException)
        {
            return "无法读取：" + e.Message;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
