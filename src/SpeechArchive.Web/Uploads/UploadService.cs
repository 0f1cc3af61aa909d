using SpeechArchive.Documents;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Uploads;

/// <summary>
/// Validates uploaded .md/.txt files (or those inside a .zip) by reading a temporary copy with the core
/// <see cref="DocumentReader"/>, and writes the accepted ones under <c>uploads/</c> in the corpus with sanitised names.
/// </summary>
internal sealed partial class UploadService(ArchiveHost archive, ILogger<UploadService> logger) : IDisposable
{
    public const string Folder = "uploads";

    /// <summary>How many upload reports are kept for the page they redirect to.</summary>
    private const int KeptReports = 32;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset At, UploadSummary Report)> reports = new(StringComparer.Ordinal);

    /// <summary>Keeps what an upload did for the page the form redirects to (post/redirect/get), and returns its key.</summary>
    public string Keep(UploadSummary report)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        reports[key] = (DateTimeOffset.UtcNow, report);
        foreach (var old in reports.OrderByDescending(r => r.Value.At).Skip(KeptReports))
        {
            reports.TryRemove(old.Key, out _);
        }

        return key;
    }

    /// <summary>The report kept under <paramref name="key"/>, or null (an unknown or forgotten key).</summary>
    public UploadSummary? Report(string? key) => key is not null && reports.TryGetValue(key, out var kept) ? kept.Report : null;

    /// <summary>
    /// Stores <paramref name="files"/> under <c>uploads/</c>. A file named as one already there replaces it only when
    /// <paramref name="replace"/>; otherwise it is stored beside it as 名称(2).md (the same bytes again change nothing), so two
    /// offices uploading 讲话.md do not lose one speech (a user trial). Two files of one name in the request (a zip's e/讲话.md
    /// and f/讲话.md) are kept the same way, the second beside the first, whatever <paramref name="replace"/> says.
    /// </summary>
    public async Task<IReadOnlyList<UploadOutcome>> StoreAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellation, bool replace = false)
    {
        // One upload at a time: two taking 讲话.md at once would both choose 讲话(2).md, and one would be lost.
        await storing.WaitAsync(cancellation);
        try
        {
            return await StoreOneUploadAsync(files, replace, cancellation);
        }
        finally
        {
            storing.Release();
        }
    }

    private readonly SemaphoreSlim storing = new(1, 1);

    public void Dispose() => storing.Dispose();

    private async Task<IReadOnlyList<UploadOutcome>> StoreOneUploadAsync(IReadOnlyList<IFormFile> files, bool replace, CancellationToken cancellation)
    {
        var outcomes = new List<UploadOutcome>();
        var taken = new UploadBatch { Replace = replace };
        taken.Asked.UnionWith(files.Take(UploadLimits.FilesPerRequest).Select(f => FileNameSanitizer.Sanitize(f.FileName, out _)).OfType<string>());
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
                outcomes.Add(UploadOutcome.Reject(name, "只接受 .md、.txt 或 .zip 文件 (only .md, .txt or .zip files are taken)"));
            }
            else if (file.Length > UploadLimits.DocumentBytes)
            {
                outcomes.Add(UploadOutcome.Reject(name, $"文件过大（上限 {UploadLimits.DocumentBytes / 1024 / 1024} MB） (over the {UploadLimits.DocumentBytes / 1024 / 1024} MB a document may have)"));
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
            outcomes.Add(UploadOutcome.Reject($"其余 {files.Count - UploadLimits.FilesPerRequest} 个文件", $"一次最多上传 {UploadLimits.FilesPerRequest} 个文件 (at most {UploadLimits.FilesPerRequest} files in one upload)"));
        }

        return Complete(taken, outcomes);
    }

    /// <summary>
    /// Every accepted file was first written beside its target as <c>.part</c>: when all of them could be written they are
    /// renamed into place (renaming needs no space); when one could not (a full disk, a folder it may not write), none is
    /// kept, and every file of the request is refused with the reason.
    /// </summary>
    private List<UploadOutcome> Complete(UploadBatch batch, List<UploadOutcome> outcomes)
    {
        if (batch.WriteFailure is null)
        {
            foreach (var (temporary, target, bytes) in batch.Written)
            {
                File.Move(temporary, target, overwrite: true);
                logger.UploadStored(target, bytes);
            }

            return outcomes;
        }

        foreach (var (temporary, _, _) in batch.Written)
        {
            File.Delete(temporary);
        }

        var free = DiskSpace.Free(Path.Combine(archive.CorpusDirectory, Folder));
        var left = free is long f ? $"；剩余空间 {DiskSpace.Format(f)}" : "";
        var why = $"无法写入语料文件夹，本次上传的文件都没有保存（{batch.WriteFailure}{left}） (could not write to the corpus folder: none of this upload's files was kept)";
        return [.. outcomes.Select(o => o.Accepted ? UploadOutcome.Reject(o.Name, why) : o)];
    }

    private UploadOutcome StoreDocument(string name, byte[] bytes, UploadBatch taken)
    {
        var safe = FileNameSanitizer.Sanitize(name, out var why, out var cutFromBytes, out var changes);
        if (safe is null)
        {
            return UploadOutcome.Reject(name, why!);
        }

        // A name made safe is said as stored (../../etc/passwd.md, .hidden.md and a:b*?.txt were stored as passwd.md, hidden.md
        // and a_b.txt without a word: a user trial), with what was changed in it (below); a name cut short says so below, and why.
        var madeSafe = cutFromBytes == 0 && !string.Equals(safe, name, StringComparison.Ordinal);

        if (!UploadLimits.IsDocument(safe))
        {
            return UploadOutcome.Reject(name, "只接受 .md、.txt 文件 (only .md and .txt files are taken)");
        }

        // A name cut short may meet another cut from a different name (在…（第一部分）.md and 在…（第二部分）.md share their first
        // 200 bytes), and a zip's e/讲话.md meets its f/讲话.md: the user sent both, so neither is refused nor replaced for it
        // (the second was refused, a product review found); it takes the next free name, as one meeting an earlier upload's
        // does, unless its bytes are kept already, in this upload or before it. A name is taken only by a file accepted: an
        // empty e/讲话.md, refused, took it, and f/讲话.md was stored as 讲话(2).md beside nothing (a review).
        var cut = cutFromBytes > 0;
        var folder = Path.Combine(archive.CorpusDirectory, Folder);
        var asked = safe;
        string? besideThisUpload = null;
        if (taken.Names.Contains(safe))
        {
            if (!cut)
            {
                // Not the bytes of a file this upload replaces (e/讲话.md replacing 讲话.md, f/讲话.md holding its old bytes was
                // said unchanged, and those bytes were lost: a review); "in this upload" only of a file this upload wrote.
                if (SameAs(folder, except: null, bytes, taken) is { } held)
                {
                    return Taken(UploadOutcome.Same(name, Folder + "/" + held, SameNote(held, safe, inThisUpload: held == safe && taken.Wrote(held))));
                }

                besideThisUpload = safe;
            }

            safe = FreeName(folder, safe, taken);
        }

        var (problem, warnings) = Validate(safe, bytes);
        if (problem is not null)
        {
            return UploadOutcome.Reject(name, problem);
        }

        var target = Path.GetFullPath(Path.Combine(folder, safe));
        if (!target.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return UploadOutcome.Reject(name, "文件名无效 (not a valid file name)");
        }

        var replaced = File.Exists(target);
        var keptBeside = besideThisUpload;
        if (replaced && (cut || !taken.Replace))
        {
            if (SameAs(folder, except: null, bytes, taken, first: target) is { } held)
            {
                // The file of its name again (said so even where another upload holds the same bytes too), or what an earlier
                // upload stored beside it (an office retrying): nothing new to keep.
                return Taken(UploadOutcome.Same(name, Folder + "/" + held, SameNote(held, safe, inThisUpload: false)));
            }

            keptBeside = cut ? null : safe; // a cut name met another: not the file the user named
            safe = FreeName(folder, safe, taken);
            target = Path.GetFullPath(Path.Combine(folder, safe));
            replaced = false;
        }

        var temporary = target + ".part";
        if (taken.WriteFailure is null)
        {
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(temporary, bytes);
                taken.Written.Add((temporary, target, bytes.Length));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
                logger.UploadFailed(temporary, e);
                taken.WriteFailure = DiskFailure.Describe(e); // not its message, which names the server's folders
            }
        }

        // What the indexer will say of the file (decoded as GB18030, a title inferred), said now rather than after a reindex; and
        // an upload the same as one already there under another name (a clerk uploading a file twice), kept but said.
        var same = keptBeside is null ? SameAs(folder, target, bytes, taken) : null; // kept beside: looked for above
        var notes = warnings
            .Prepend(cutFromBytes == 0 ? null : $"文件名过长（{cutFromBytes} 字节，上限 {FileNameSanitizer.MaxBytes} 字节、{FileNameSanitizer.MaxLength} 个字符），已缩短为 {safe} (the file name was {cutFromBytes} bytes, over the {FileNameSanitizer.MaxBytes} bytes or {FileNameSanitizer.MaxLength} characters a name may have: stored as {safe})")
            .Prepend(keptBeside is null ? null : besideThisUpload is not null
                ? $"本次上传中已有名为 {keptBeside} 的文件，这个文件另存为 {safe} (a file of that name is in this upload already: this one stored as {safe})"
                : $"已有同名文件 {Folder}/{keptBeside}，没有替换它，这个文件另存为 {safe}（要替换，请勾选“替换同名文件”，接口加 replace=true） (a file of that name is there: kept, and this one stored as {safe}; replace=true replaces it)")
            .Prepend(madeSafe ? MadeSafe(safe, changes, keptBeside) : null)
            .Prepend(replaced ? "替换了同名文件 (replaced the file of that name)" : null)
            .Append(same is null ? null : $"内容与 {Folder}/{same} 完全相同：是重复上传吗？不需要的话可在“已上传的文件”中删除 (the same bytes as {Folder}/{same})")
            .OfType<string>().ToList();
        return Taken(UploadOutcome.Accept(name, Folder + "/" + safe, notes.Count > 0 ? string.Join("；", notes) : null));

        // The name asked for and the one stored under, so a later file of this upload asking for either is kept beside it.
        UploadOutcome Taken(UploadOutcome accepted)
        {
            taken.Names.Add(asked);
            taken.Names.Add(safe);
            return accepted;
        }
    }

    /// <summary>
    /// The note for a name made safe: the name stored (the one kept beside a file of the safe name when there is one:
    /// ../../etc/passwd.md uploaded twice said 另存为 passwd(2).md and 文件名改为 passwd.md in one reason, a review found) and
    /// only what was changed in it (the note listed every rule, folders, control characters, leading dot, spaces and
    /// &lt;&gt;:"|?*%, extension case, whatever was done).
    /// </summary>
    /// <summary>
    /// The note of a file not stored because <paramref name="held"/> holds its bytes already: a file of the same name
    /// (<paramref name="safe"/>) written by this upload, a file of that name from before, or another file.
    /// </summary>
    private static string SameNote(string held, string safe, bool inThisUpload) => (held == safe, inThisUpload) switch
    {
        (true, true) => $"与本次上传中的同名文件 {Folder}/{held} 内容完全相同，未另存 (the same bytes as {Folder}/{held} of the same name in this upload: not stored again)",
        (true, false) => "与已有的同名文件内容完全相同，未改动 (the same bytes as the file of that name: left as it was)",
        _ => $"与已上传的 {Folder}/{held} 内容完全相同，未另存 (the same bytes as {Folder}/{held}: not stored again)",
    };

    private static string MadeSafe(string stored, IReadOnlyList<NameChange> changes, string? keptBeside)
    {
        var chinese = string.Join("，", changes.Select(c => c.Chinese));
        var english = string.Join("; ", changes.Select(c => c.English));
        if (keptBeside is not null)
        {
            chinese += $"{(chinese.Length > 0 ? "，" : "")}因已有 {keptBeside} 而编号";
            english += $"{(english.Length > 0 ? "; " : "")}numbered, since {keptBeside} is there already";
        }

        return chinese.Length == 0
            ? $"文件名改为 {stored} (the name was made safe as {stored})"
            : $"文件名改为 {stored}：{chinese} (the name was made safe as {stored}: {english})";
    }

    /// <summary>
    /// The first of 名称(2).md, 名称(3).md … that is neither in the folder nor taken nor asked for by this upload (taken once
    /// its file is accepted); cut so that the name still <see cref="FileNameSanitizer.Fits"/>.
    /// </summary>
    private static string FreeName(string folder, string name, UploadBatch taken)
    {
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        for (var n = 2; ; n++)
        {
            var suffix = $"({n}){extension}";
            var candidate = FileNameSanitizer.Fit(stem, suffix) + suffix;
            if (!File.Exists(Path.Combine(folder, candidate)) && !taken.Asked.Contains(candidate) && !taken.Names.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// The name of an upload (in the folder, or written earlier in this batch) holding exactly these bytes, other than the file
    /// at <paramref name="except"/>, the file at <paramref name="first"/> looked at before any other; else null. A file this
    /// batch replaces is not looked at: its bytes are gone once the batch completes.
    /// </summary>
    private static string? SameAs(string folder, string? except, byte[] bytes, UploadBatch taken, string? first = null)
    {
        try
        {
            return first is not null && Holds(first, bytes) ? Path.GetFileName(first) : FindSame(folder, except ?? first, bytes, taken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // a file gone or locked meanwhile: not the same, and the upload goes on
        }
    }

    private static bool Holds(string path, byte[] bytes) =>
        File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);

    private static string? FindSame(string folder, string? except, byte[] bytes, UploadBatch taken)
    {
        foreach (var (temporary, written, length) in taken.Written)
        {
            if (written != except && length == bytes.Length && File.Exists(temporary) && File.ReadAllBytes(temporary).AsSpan().SequenceEqual(bytes))
            {
                return Path.GetFileName(written);
            }
        }

        taken.Existing ??= Directory.Exists(folder) // listed once per upload, not once per file of a zip
            ? [.. new DirectoryInfo(folder).EnumerateFiles().Where(f => UploadLimits.IsDocument(f.Name) && !f.Name.StartsWith('.')).Select(f => (f.FullName, f.Name, f.Length))]
            : [];
        foreach (var (path, name, length) in taken.Existing)
        {
            if (path != except && !taken.Replaces(path) && length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Why the bytes are not an acceptable speech (null when they are), and the warnings the document reader gives them (a
    /// file decoded as GB18030, a title inferred): checked on a temporary copy through the document reader.
    /// </summary>
    private (string? Problem, IReadOnlyList<string> Warnings) Validate(string safeName, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ("空文件 (empty file)", []);
        }

        // A NUL byte is refused by the document reader below (二进制文件，第 N 字节为 NUL), except in UTF-16 with a byte order
        // mark, which it reads as the corpus's indexer does: refused here, such a file was called binary.
        // The copy is named by its extension alone (the reader tells Markdown by it): the uploaded name has no say in a
        // temporary path. A failure to write or read the copy is the server's, and its message names the server's folders: it
        // is logged, and the reason says only that the file could not be read.
        var folder = Path.Combine(Path.GetTempPath(), "speecharchive-upload", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "upload" + Path.GetExtension(safeName));
            File.WriteAllBytes(path, bytes);
            var read = new DocumentReader().Read(new CorpusFile(Folder + "/" + safeName, path, bytes.Length), null);
            if (!read.Succeeded)
            {
                // An exception's message (cannot read file: …, unexpected error (…): …) is the server's, whatever it names.
                if (read.ByException || read.Reason.Contains(folder, StringComparison.Ordinal))
                {
                    logger.UploadUnreadable(safeName, read.Reason);
                    return (CopyUnreadable, []);
                }

                return ("无法读取：" + read.Reason, []);
            }

            return string.IsNullOrWhiteSpace(read.Document.Text) ? ("没有正文 (no text)", []) : (null, read.Document.Warnings);
        }
        catch (Exception e) when (e is SpeechArchiveException or IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            logger.UploadUnreadable(safeName, e.ToString());
            return (CopyUnreadable, []);
        }
        finally
        {
            TryDeleteFolder(folder);
        }
    }

    private const string CopyUnreadable = "无法读取：服务器读取上传文件的副本时出错，请重试；问题仍在请告诉管理员 (could not be read: the server failed reading its copy; try again, and tell the administrator if it persists)";

    private void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.UploadFailed(folder, e); // a temporary copy left behind: the answer does not depend on it
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a half-written .part on a full disk: the next upload of that name overwrites it
        }
    }

    /// <summary>The files of one request: the names taken so far, the <c>.part</c> files written, and the first write that failed.</summary>
    private sealed class UploadBatch
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The names the request's own documents ask for (sanitized): a file stored beside one of its name takes none of them,
        /// so 讲话.md and 讲话(2).md sent together beside a 讲话.md already there are both kept (讲话(3).md and 讲话(2).md).
        /// </summary>
        public HashSet<string> Asked { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<(string Temporary, string Target, int Bytes)> Written { get; } = [];

        /// <summary>Whether a file of this batch is written as <paramref name="name"/> (a bare name in <c>uploads/</c>).</summary>
        public bool Wrote(string name) => Written.Exists(w => string.Equals(Path.GetFileName(w.Target), name, StringComparison.Ordinal));

        /// <summary>Whether a file of this batch is written over the file at <paramref name="path"/> (with replace=true).</summary>
        public bool Replaces(string path) => Written.Exists(w => string.Equals(w.Target, path, StringComparison.Ordinal));

        public string? WriteFailure { get; set; }

        /// <summary>Whether a file named as one already in <c>uploads/</c> replaces it (else it is stored beside it).</summary>
        public bool Replace { get; init; }

        /// <summary>The documents in <c>uploads/</c> when the batch first looked for a duplicate (path, name, size).</summary>
        public List<(string Path, string Name, long Length)>? Existing { get; set; }
    }
}
