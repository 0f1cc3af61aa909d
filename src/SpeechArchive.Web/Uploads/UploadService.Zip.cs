using System.IO.Compression;

namespace SpeechArchive.Web.Uploads;

internal sealed partial class UploadService
{
    /// <summary>Stores the .md/.txt entries of a zip; guards against zip bombs by entry count, actual bytes read and ratio.</summary>
    private List<UploadOutcome> StoreZip(string zipName, Stream stream, UploadBatch taken)
    {
        var outcomes = new List<UploadOutcome>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return [UploadOutcome.Reject(zipName, "不是有效的 zip 文件 (not a valid zip file)")];
        }

        using (zip)
        {
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\')).ToList();
            if (files.Count > UploadLimits.ZipEntries)
            {
                return [UploadOutcome.Reject(zipName, $"zip 内文件过多（{files.Count} 个，上限 {UploadLimits.ZipEntries}） (the zip holds {files.Count} files, over the {UploadLimits.ZipEntries} it may)")];
            }

            // Its entries' names are asked for as the form's files' are: g/讲话(2).md keeps 讲话(2).md from f/讲话.md numbered
            // beside e/讲话.md (a review).
            taken.Asked.UnionWith(files.Select(e => FileNameSanitizer.Sanitize(zipName + "/" + e.FullName, out _)).OfType<string>());
            long budget = UploadLimits.ZipTotalBytes;
            foreach (var entry in files)
            {
                var name = zipName + "/" + entry.FullName;
                if (!UploadLimits.IsDocument(entry.Name))
                {
                    outcomes.Add(UploadOutcome.Reject(name, "已跳过：不是 .md/.txt 文件 (skipped: not a .md or .txt file)"));
                    continue;
                }

                if (entry.Length > UploadLimits.DocumentBytes || (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > UploadLimits.ZipRatio))
                {
                    outcomes.Add(UploadOutcome.Reject(name, "压缩条目过大或压缩比异常（疑似 zip 炸弹） (the entry inflates too far or too fast: a zip bomb?)"));
                    continue;
                }

                var (bytes, problem) = ReadBounded(entry, Math.Min(UploadLimits.DocumentBytes, budget));
                if (bytes is null)
                {
                    outcomes.Add(UploadOutcome.Reject(name, problem!));
                    if (budget <= UploadLimits.DocumentBytes)
                    {
                        break;
                    }

                    continue;
                }

                budget -= bytes.Length;
                outcomes.Add(StoreDocument(name, bytes, taken));
            }
        }

        return outcomes;
    }

    /// <summary>The entry's bytes, or why not: it inflates past <paramref name="limit"/> (the header's size may lie) or is corrupt.</summary>
    private static (byte[]? Bytes, string? Problem) ReadBounded(ZipArchiveEntry entry, long limit)
    {
        try
        {
            using var input = entry.Open();
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limit)
                {
                    return (null, "解压后超过大小上限（疑似 zip 炸弹） (the entry inflates past the size limit: a zip bomb?)");
                }
            }

            return (output.ToArray(), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, "zip 条目已损坏 (the zip entry is damaged)");
        }
    }
}
