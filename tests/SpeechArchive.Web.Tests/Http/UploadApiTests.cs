using System.Net;
using System.Text.Json;
using SpeechArchive.Web.Uploads;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

public sealed class UploadApiTests : IDisposable
{
    private readonly ArchiveFactory app = new();
    private readonly HttpClient admin;

    public UploadApiTests() => admin = app.CreateAdminClient();

    private string Uploads => Path.Combine(app.CorpusDirectory, "uploads");

    [Fact]
    public async Task WhenUploadingAGoodFileAndReindexing_ShouldMakeItSearchable()
    {
        using var form = Files(("会议讲话.md", Utf8(Speech("量子通信"))));

        var report = await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", form));
        await WaitForReindexAsync(admin);

        var file = Single(report);
        Assert.True(file.GetProperty("accepted").GetBoolean());
        Assert.Equal("uploads/会议讲话.md", file.GetProperty("storedAs").GetString());
        Assert.True(File.Exists(Path.Combine(Uploads, "会议讲话.md")));
        var result = await Api.SearchAsync(admin, "q=" + Api.Encode("量子通信"));
        Assert.NotEmpty(result.Hits);
    }

    [Fact]
    public async Task WhenAnUploadIsOneLine_ShouldMakeItSearchable()
    {
        // The user trial: z3.md's only line was taken as its title, and the speech had no passage to find.
        using var form = Files(("z.zip", Zip(("z3.md", Utf8("inner 雪松林计划 test")))));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", form)));
        await WaitForReindexAsync(admin);

        Assert.True(file.GetProperty("accepted").GetBoolean(), file.ToString());
        var result = await Api.SearchAsync(admin, "q=" + Api.Encode("雪松林计划"));
        Assert.NotEmpty(result.Hits);
        var hit = result.Hits[0]; // the words apart find other speeches after it
        Assert.Equal("uploads.z3", hit.SpeechId);
        Assert.Equal("inner 雪松林计划 test", hit.Text);
    }

    [Fact]
    public async Task WhenAnUploadsNameEndsInPunctuation_ShouldGiveItsSpeechAnIdWithoutATrailingHyphen()
    {
        // 通知（一）！.md made uploads.通知-一-- (its punctuation each a hyphen): ids are clean now.
        using var form = Files(("通知（一）！.md", Utf8(Speech("量子雷达"))));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", form)));
        await WaitForReindexAsync(admin);

        Assert.Equal("uploads/通知（一）！.md", file.GetProperty("storedAs").GetString());
        var hit = Assert.Single((await Api.SearchAsync(admin, "q=" + Api.Encode("量子雷达"))).Hits);
        Assert.Equal("uploads.通知-一", hit.SpeechId);
        var listed = (await JsonAsync(await admin.GetAsync("/api/admin/uploads"))).EnumerateArray().ToList();
        Assert.Equal("uploads.通知-一", Assert.Single(listed).GetProperty("speechId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/speeches/" + Api.Encode(hit.SpeechId))).StatusCode);
    }

    [Theory]
    [InlineData("提纲.md", "# 关于量子航运的几点意见\n\n## 一、推进量子航运\n\n## 二、改进作风\n")]
    [InlineData("提纲.txt", "关于量子航运的几点意见\n一、推进量子航运\n二、改进作风\n")]
    public async Task WhenAnUploadIsATitleAndHeadingsOnly_ShouldMakeItsHeadingsSearchable(string name, string text)
    {
        // An outline: its headings were sections with no passage under them, so the speech had nothing to find.
        using var form = Files((name, Utf8(text)));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", form)));
        await WaitForReindexAsync(admin);

        Assert.True(file.GetProperty("accepted").GetBoolean(), file.ToString());
        var result = await Api.SearchAsync(admin, "q=" + Api.Encode("推进量子航运"));
        Assert.NotEmpty(result.Hits);
        var hit = result.Hits[0]; // the words apart find other speeches after it
        Assert.Equal("一、推进量子航运", hit.Text);
        Assert.Equal("关于量子航运的几点意见", hit.Title);
    }

    [Fact]
    public async Task WhenAMarkdownUploadHoldsAScriptOrAStyle_ShouldMakeTheTextAroundThemSearchableAndNotTheirContents()
    {
        // A reviewer's upload: <script>alert(3)</script>要坚持… had its tags stripped, and q=alert found alert(3) as passage text.
        const string markdown = "# 在量子航运专题会议上的讲话\n\n<script>alert(\"雪松林口令\")</script>要坚持量子航运的发展方向。\n\n"
            + "<style>.cedar { color: red; }</style>\n\n要加强<script>alert(3)</script>量子航运人才培养。\n";
        using var form = Files(("脚本.md", Utf8(markdown)));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", form)));
        await WaitForReindexAsync(admin);

        Assert.True(file.GetProperty("accepted").GetBoolean(), file.ToString());
        var found = await Api.SearchAsync(admin, "q=" + Api.Encode("量子航运") + "&limit=50");
        Assert.Equal(["要加强量子航运人才培养。", "要坚持量子航运的发展方向。"], found.Hits.Where(h => h.SpeechId == "uploads.脚本").Select(h => h.Text).Order(StringComparer.Ordinal));
        foreach (var q in new[] { "alert", "雪松林口令", "cedar", "color" })
        {
            Assert.DoesNotContain((await Api.SearchAsync(admin, "near=0&limit=50&q=" + Api.Encode(q))).Hits, h => h.SpeechId == "uploads.脚本");
        }
    }

    [Fact]
    public async Task WhenTheSameBytesAreUploadedAgainWithReindex_ShouldChangeNothingAndStartNoReindex()
    {
        var bytes = Utf8(Speech("再次上传"));
        using (var first = Files(("讲话.md", bytes)))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", first));
        }

        await WaitForReindexAsync(admin);
        using var again = Files(("讲话.md", bytes));
        var report = await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", again));

        var file = Single(report);
        Assert.True(file.GetProperty("accepted").GetBoolean());
        Assert.True(file.GetProperty("unchanged").GetBoolean());
        Assert.False(report.GetProperty("reindexStarted").GetBoolean());
        Assert.False(report.GetProperty("reindexQueued").GetBoolean());
        Assert.Equal(["讲话.md"], Directory.EnumerateFiles(Uploads).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WhenTheSameBytesAreUploadedAgainUnderTheirName_ShouldSayItIsTheFileOfThatNameThoughOthersHoldThemToo()
    {
        // The user trial: uploads/good.md and uploads/u202egpj.md held the same bytes, and good.md sent again was reported
        // as the same as u202egpj.md, whichever the folder listed first.
        var bytes = Utf8(Speech("同名同文"));
        Directory.CreateDirectory(Uploads);
        File.WriteAllBytes(Path.Combine(Uploads, "good.md"), bytes);
        foreach (var i in Enumerable.Range(0, 30))
        {
            File.WriteAllBytes(Path.Combine(Uploads, $"u{0x202e + i:x4}gpj.md"), bytes);
        }

        using var again = Files(("good.md", bytes));
        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", again)));

        Assert.True(file.GetProperty("unchanged").GetBoolean(), file.ToString());
        Assert.Equal("uploads/good.md", file.GetProperty("storedAs").GetString());
        Assert.Equal("与已有的同名文件内容完全相同，未改动 (the same bytes as the file of that name: left as it was)", file.GetProperty("reason").GetString());
        Assert.Equal(31, Directory.GetFiles(Uploads).Length);
    }

    [Fact]
    public async Task WhenAnUploadHoldsANameAndItsNextFreeName_ShouldKeepBoth()
    {
        using (var first = Files(("讲话.md", Utf8(Speech("第一处讲话")))))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload", first));
        }

        using var both = Files(("讲话.md", Utf8(Speech("第二处讲话"))), ("讲话(2).md", Utf8(Speech("第三处讲话"))));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", both))).GetProperty("files").EnumerateArray().ToList();

        Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean(), f.ToString()));
        Assert.Equal(["uploads/讲话(3).md", "uploads/讲话(2).md"], files.Select(f => f.GetProperty("storedAs").GetString()));
        Assert.Contains("第二处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(3).md")), StringComparison.Ordinal);
        Assert.Contains("第三处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(2).md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheSameFileIsUploadedUnderAnotherName_ShouldTakeItAndSaySo()
    {
        var bytes = Utf8(Speech("重复上传"));
        using (var first = Files(("定稿.md", bytes)))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload", first));
        }

        using var again = Files(("定稿_v2.md", bytes), ("另一篇.md", Utf8(Speech("另一篇讲话"))), ("定稿_v3.md", bytes));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", again))).GetProperty("files").EnumerateArray().ToList();

        Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean()));
        Assert.Contains("与 uploads/定稿.md 完全相同", files[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("另存", files[1].GetProperty("reason").GetString(), StringComparison.Ordinal); // only its folders were taken out
        Assert.Contains("完全相同", files[2].GetProperty("reason").GetString(), StringComparison.Ordinal); // as the file before it, in this upload or the folder
    }

    [Fact]
    public async Task WhenAFileIsUploadedUnderANameAlreadyThere_ShouldKeepBothUnlessAskedToReplace()
    {
        using (var first = Files(("讲话.md", Utf8(Speech("第一处讲话")))))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload", first));
        }

        using var other = Files(("讲话.md", Utf8(Speech("第二处讲话"))));
        var beside = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", other)));
        using var same = Files(("讲话.md", Utf8(Speech("第一处讲话"))));
        var unchanged = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", same)));
        using var third = Files(("讲话.md", Utf8(Speech("第三处讲话"))));
        var next = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", third)));
        using var retried = Files(("讲话.md", Utf8(Speech("第二处讲话"))));
        var again = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", retried)));
        using var newer = Files(("讲话.md", Utf8(Speech("新稿"))));
        var replaced = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload?replace=true", newer)));

        Assert.Equal("uploads/讲话(2).md", beside.GetProperty("storedAs").GetString());
        Assert.Contains("已有同名文件 uploads/讲话.md，没有替换它", beside.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("uploads/讲话.md", unchanged.GetProperty("storedAs").GetString());
        Assert.Contains("未改动", unchanged.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("uploads/讲话(3).md", next.GetProperty("storedAs").GetString());
        Assert.Equal("uploads/讲话(2).md", again.GetProperty("storedAs").GetString()); // sent again: what was stored beside, not a fourth
        Assert.Contains("未另存", again.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Uploads, "讲话(4).md")));
        Assert.Contains("替换了同名文件", replaced.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("新稿", File.ReadAllText(Path.Combine(Uploads, "讲话.md")), StringComparison.Ordinal);
        Assert.Contains("第二处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(2).md")), StringComparison.Ordinal);
        Assert.Contains("第三处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(3).md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheNameIsTooLongForTheFileSystem_ShouldStoreItShortenedAndSaySo()
    {
        var name = new string('在', 86) + ".txt"; // 262 bytes of UTF-8: ext4 holds 255 a name, and the user trial got the server's temporary path
        using (var first = Files((name, Utf8(Speech("雪松林")))))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload", first));
        }

        using var second = Files((name, Utf8(Speech("白桦林"))));
        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", second)));

        Assert.True(file.GetProperty("accepted").GetBoolean(), file.ToString());
        var reason = file.GetProperty("reason").GetString()!;
        Assert.Contains("文件名过长（262 字节", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), reason, StringComparison.Ordinal);
        Assert.DoesNotContain(app.CorpusDirectory, reason, StringComparison.Ordinal);
        var stored = Directory.GetFiles(Uploads).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, n => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(n!), 1, FileNameSanitizer.MaxBytes));
        Assert.All(stored, n => Assert.StartsWith("在在在", n, StringComparison.Ordinal));
        Assert.Equal("uploads/" + stored.Single(n => n!.EndsWith("(2).txt", StringComparison.Ordinal)), file.GetProperty("storedAs").GetString());
        Assert.Contains("白桦林", File.ReadAllText(Path.Combine(Uploads, file.GetProperty("storedAs").GetString()!["uploads/".Length..])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTwoLongNamesAreCutToTheSameName_ShouldKeepBothAndReplaceNeither()
    {
        // Long titles sharing their first 200 bytes (a review): cut alike, the second was refused in one upload, and replaced the
        // first in a later one with replace=true.
        var stem = new string('在', 70);
        using (var both = Files(($"{stem}（第一部分）.md", Utf8(Speech("雪松林"))), ($"{stem}（第二部分）.md", Utf8(Speech("白桦林")))))
        {
            var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", both))).GetProperty("files").EnumerateArray().ToList();
            Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean(), f.ToString()));
        }

        using var third = Files(($"{stem}（第三部分）.md", Utf8(Speech("红松林"))));
        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload?replace=true", third)));

        Assert.True(file.GetProperty("accepted").GetBoolean(), file.ToString());
        Assert.DoesNotContain("替换", file.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var texts = Directory.GetFiles(Uploads).Select(File.ReadAllText).ToList();
        Assert.Equal(3, texts.Count);
        Assert.All(["雪松林", "白桦林", "红松林"], marker => Assert.Single(texts, t => t.Contains(marker, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("empty.md", "")]
    [InlineData("program.exe", "MZ binary")]
    [InlineData("notes.pdf", "%PDF-1.7")]
    [InlineData(".md", "同志们：要严守纪律。")]
    public async Task WhenUploadingABadFile_ShouldRejectItWithAReasonAndStoreNothing(string name, string content)
    {
        using var form = Files((name, Utf8(content)));

        var report = await JsonAsync(await admin.PostAsync("/api/admin/upload", form));

        var file = Single(report);
        Assert.False(file.GetProperty("accepted").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(file.GetProperty("reason").GetString()));
        Assert.Matches(EnglishGloss, file.GetProperty("reason").GetString()); // every reason in English too
        Assert.False(Directory.Exists(Uploads) && Directory.EnumerateFiles(Uploads).Any());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WhenUploadingUtf16WithAByteOrderMark_ShouldTakeItAndMakeItSearchable(bool bigEndian)
    {
        // UTF-16 holds NUL bytes (every ASCII character's other half): the document reader reads it by its mark, as the indexer does.
        var encoding = new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: true);
        using var form = Files(("utf16.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(Speech("量子通信 2024"))]));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload?reindex=true", form)));
        await WaitForReindexAsync(admin);

        Assert.True(file.GetProperty("accepted").GetBoolean(), file.ToString());
        var result = await Api.SearchAsync(admin, "q=" + Api.Encode("量子通信"));
        Assert.NotEmpty(result.Hits);
    }

    [Fact]
    public async Task WhenUploadingABinaryFileNamedMd_ShouldRejectIt()
    {
        using var form = Files(("image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", form)));

        Assert.False(file.GetProperty("accepted").GetBoolean());
    }

    [Theory]
    [InlineData("../../escape.md", "escape.md")]
    [InlineData("/etc/cron.d/evil.txt", "evil.txt")]
    [InlineData("C:\\Windows\\win.md", "win.md")]
    public async Task WhenTheNameTriesToEscape_ShouldStoreItUnderUploadsWithASafeName(string name, string stored)
    {
        using var form = Files((name, Utf8(Speech("路径"))));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", form)));

        Assert.True(file.GetProperty("accepted").GetBoolean(), file.ToString());
        Assert.Equal("uploads/" + stored, file.GetProperty("storedAs").GetString());
        Assert.Equal([Path.Combine(Uploads, stored)], Directory.GetFiles(Uploads));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(Uploads, "..", "..", "escape.md"))));
        // Said, not done silently, and only what was done: the note listed every rule (control characters, leading dot, spaces…).
        Assert.Equal($"文件名改为 {stored}：去掉了文件夹部分 (the name was made safe as {stored}: its folders were taken out)", file.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task WhenTheNameHasControlCharacters_ShouldDropThem()
    {
        using var form = RawMultipart("a\u0001b\u0007c\u001F.md", Utf8(Speech("控制")));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", form)));

        Assert.Equal("uploads/abc.md", file.GetProperty("storedAs").GetString());
        Assert.Equal([Path.Combine(Uploads, "abc.md")], Directory.GetFiles(Uploads));
        Assert.Matches("^文件名改为 abc.md：.*" + EnglishGloss + "$", file.GetProperty("reason").GetString());
        Assert.Equal("文件名改为 abc.md：去掉了控制字符 (the name was made safe as abc.md: control characters were taken out)", file.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("a:b*?.txt", "a_b.txt", "把 : * ? 换成了 _", "the characters : * ? were replaced by _")]
    [InlineData(".hidden.md", "hidden.md", "去掉了开头的点", "its leading dot was taken out")]
    [InlineData("会议 讲话.MD", "会议_讲话.md", "把空白换成了 _，扩展名改为小写", "spaces were replaced by _; the extension was put in lower case")]
    [InlineData("a__b..md", "a_b.md", "去掉了多余的 _ 和点", "stray underscores and dots were taken out")]
    [InlineData("x/.a b|c.TXT", "a_b_c.txt", "去掉了文件夹部分，把空白和 | 换成了 _，去掉了开头的点，扩展名改为小写", "its folders were taken out; spaces and | were replaced by _; its leading dot was taken out; the extension was put in lower case")]
    public async Task WhenANameIsMadeSafe_ShouldSayOnlyWhatWasChangedInIt(string name, string stored, string chinese, string english)
    {
        // The note listed every rule (folders, control characters, leading dot, spaces and <>:"|?*%, extension case) whatever
        // was done to the name: a review.
        using var form = RawMultipart(name, Utf8(Speech("改名")));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", form)));

        Assert.Equal("uploads/" + stored, file.GetProperty("storedAs").GetString());
        Assert.Equal($"文件名改为 {stored}：{chinese} (the name was made safe as {stored}: {english})", file.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task WhenANameMadeSafeMeetsAFileOfThatName_ShouldSayTheNameItIsStoredUnder()
    {
        // A review: the second ../../etc/passwd.md was stored as passwd(2).md, and its reason said both 另存为 passwd(2).md and
        // 文件名改为 passwd.md.
        using (var first = Files(("../../etc/passwd.md", Utf8(Speech("第一份")))))
        {
            Assert.Equal("uploads/passwd.md", Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", first))).GetProperty("storedAs").GetString());
        }

        using var second = Files(("../../etc/passwd.md", Utf8(Speech("第二份"))));
        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", second)));

        Assert.Equal("uploads/passwd(2).md", file.GetProperty("storedAs").GetString());
        var reason = file.GetProperty("reason").GetString()!;
        Assert.StartsWith("文件名改为 passwd(2).md：去掉了文件夹部分，因已有 passwd.md 而编号 (the name was made safe as passwd(2).md: its folders were taken out; numbered, since passwd.md is there already)；", reason, StringComparison.Ordinal);
        Assert.Contains("这个文件另存为 passwd(2).md", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("文件名改为 passwd.md", reason, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Uploads).Length);
    }

    [Fact]
    public async Task WhenUploadingAZip_ShouldTakeItsDocumentsAndSkipTheRest()
    {
        var zip = Zip(("讲话/", []), ("讲话/甲.md", Utf8(Speech("甲项"))), ("乙.txt", Utf8(Speech("乙项"))), ("图片.png", [1, 2, 3]), ("../../zipslip.md", Utf8(Speech("丙项"))));
        using var form = Files(("batch.zip", zip));

        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        Assert.Equal(["uploads/甲.md", "uploads/乙.txt", "uploads/zipslip.md"], files.Where(f => f.GetProperty("accepted").GetBoolean()).Select(f => f.GetProperty("storedAs").GetString()));
        Assert.Contains(files, f => f.GetProperty("name").GetString()!.EndsWith("图片.png", StringComparison.Ordinal) && !f.GetProperty("accepted").GetBoolean());
        Assert.Equal(3, Directory.GetFiles(Uploads).Length);
    }

    [Fact]
    public async Task WhenAZipHoldsFilesOfOneNameInTwoFolders_ShouldKeepEachUnderTheNextFreeNameAndSaySo()
    {
        // A product review: f/讲话.md was refused (本次上传中已有同名文件) where a clash with an earlier upload is kept as 讲话(2).md.
        using (var earlier = Files(("讲话.md", Utf8(Speech("早先上传")))))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload", earlier));
        }

        var zip = Zip(("e/讲话.md", Utf8(Speech("第一处讲话"))), ("f/讲话.md", Utf8(Speech("第二处讲话"))), ("g/通知.md", Utf8(Speech("第一份通知"))), ("h/通知.md", Utf8(Speech("第二份通知"))));
        using var form = Files(("batch.zip", zip));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean() && !f.GetProperty("unchanged").GetBoolean(), f.ToString()));
        Assert.Equal(["uploads/讲话(2).md", "uploads/讲话(3).md", "uploads/通知.md", "uploads/通知(2).md"], files.Select(f => f.GetProperty("storedAs").GetString()));
        Assert.Contains("已有同名文件 uploads/讲话.md，没有替换它", files[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("本次上传中已有名为 讲话.md 的文件，这个文件另存为 讲话(3).md (a file of that name is in this upload already: this one stored as 讲话(3).md)", files[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("本次上传中已有名为 通知.md 的文件，这个文件另存为 通知(2).md", files[3].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("早先上传", File.ReadAllText(Path.Combine(Uploads, "讲话.md")), StringComparison.Ordinal);
        Assert.Contains("第一处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(2).md")), StringComparison.Ordinal);
        Assert.Contains("第二处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(3).md")), StringComparison.Ordinal);
        Assert.Contains("第一份通知", File.ReadAllText(Path.Combine(Uploads, "通知.md")), StringComparison.Ordinal);
        Assert.Contains("第二份通知", File.ReadAllText(Path.Combine(Uploads, "通知(2).md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAZipHoldsTheSameBytesTwice_ShouldStoreThemOnceUnderOneNameAndSayADuplicateUnderAnother()
    {
        var bytes = Utf8(Speech("同一篇"));
        var zip = Zip(("e/讲话.md", bytes), ("f/讲话.md", bytes), ("g/讲话定稿.md", bytes));
        using var form = Files(("batch.zip", zip));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean(), f.ToString()));
        Assert.Equal(["uploads/讲话.md", "uploads/讲话.md", "uploads/讲话定稿.md"], files.Select(f => f.GetProperty("storedAs").GetString()));
        Assert.True(files[1].GetProperty("unchanged").GetBoolean()); // the same name and bytes: nothing new to keep
        Assert.Contains("与本次上传中的同名文件 uploads/讲话.md 内容完全相同，未另存", files[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(files[2].GetProperty("unchanged").GetBoolean()); // another name: kept, as a file uploaded twice under two names is, and said
        Assert.Contains("内容与 uploads/讲话.md 完全相同", files[2].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["讲话.md", "讲话定稿.md"], Directory.EnumerateFiles(Uploads).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WhenAZipReplacingAFileAlsoHoldsItsOldBytesUnderItsName_ShouldKeepThoseBytesBeside()
    {
        // A review: f/讲话.md was found the same as the 讲话.md that e/讲话.md replaces, and said unchanged: its bytes were lost.
        using (var earlier = Files(("讲话.md", Utf8(Speech("旧稿")))))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload", earlier));
        }

        var zip = Zip(("e/讲话.md", Utf8(Speech("新稿"))), ("f/讲话.md", Utf8(Speech("旧稿"))));
        using var form = Files(("batch.zip", zip));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload?replace=true", form))).GetProperty("files").EnumerateArray().ToList();

        Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean() && !f.GetProperty("unchanged").GetBoolean(), f.ToString()));
        Assert.Equal(["uploads/讲话.md", "uploads/讲话(2).md"], files.Select(f => f.GetProperty("storedAs").GetString()));
        Assert.Contains("本次上传中已有名为 讲话.md 的文件，这个文件另存为 讲话(2).md", files[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("新稿", File.ReadAllText(Path.Combine(Uploads, "讲话.md")), StringComparison.Ordinal);
        Assert.Contains("旧稿", File.ReadAllText(Path.Combine(Uploads, "讲话(2).md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAZipHoldsTwoFilesOfOneNameAndOneNamedAsTheSecondWouldBeNumbered_ShouldLeaveThatNameToItsOwnFile()
    {
        // A review: only the form's own file names were kept from numbering, so f/讲话.md took 讲话(2).md and g/讲话(2).md was moved to 讲话(3).md.
        var zip = Zip(("e/讲话.md", Utf8(Speech("第一处讲话"))), ("f/讲话.md", Utf8(Speech("第二处讲话"))), ("g/讲话(2).md", Utf8(Speech("第二篇讲话"))));
        using var form = Files(("batch.zip", zip));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        Assert.All(files, f => Assert.True(f.GetProperty("accepted").GetBoolean() && !f.GetProperty("unchanged").GetBoolean(), f.ToString()));
        Assert.Equal(["uploads/讲话.md", "uploads/讲话(3).md", "uploads/讲话(2).md"], files.Select(f => f.GetProperty("storedAs").GetString()));
        Assert.DoesNotContain("另存", files[2].GetProperty("reason").GetString(), StringComparison.Ordinal); // only its folders were taken out
        Assert.Contains("第一处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话.md")), StringComparison.Ordinal);
        Assert.Contains("第二处讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(3).md")), StringComparison.Ordinal);
        Assert.Contains("第二篇讲话", File.ReadAllText(Path.Combine(Uploads, "讲话(2).md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAZipsFirstFileOfANameIsRejected_ShouldStoreTheNextFileOfThatNameUnderIt()
    {
        // A review: the empty e/讲话.md, refused, still took 讲话.md, and f/讲话.md was stored as 讲话(2).md beside nothing.
        var zip = Zip(("e/讲话.md", Array.Empty<byte>()), ("f/讲话.md", Utf8(Speech("唯一的讲话"))));
        using var form = Files(("batch.zip", zip));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        Assert.False(files[0].GetProperty("accepted").GetBoolean());
        Assert.Contains("空文件", files[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(files[1].GetProperty("accepted").GetBoolean(), files[1].ToString());
        Assert.Equal("uploads/讲话.md", files[1].GetProperty("storedAs").GetString());
        Assert.DoesNotContain("另存", files[1].GetProperty("reason").GetString(), StringComparison.Ordinal); // only its folders were taken out
        Assert.Contains("唯一的讲话", File.ReadAllText(Path.Combine(Uploads, "讲话.md")), StringComparison.Ordinal);
        Assert.Equal(["讲话.md"], Directory.EnumerateFiles(Uploads).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WhenAZipsSecondFileOfANameHoldsTheBytesAnEarlierUploadKeptUnderIt_ShouldSaySoRatherThanThisUpload()
    {
        // A review: f/讲话.md, the same as the 讲话.md already there, was said the same as a file of this upload.
        using (var earlier = Files(("讲话.md", Utf8(Speech("旧稿")))))
        {
            await JsonAsync(await admin.PostAsync("/api/admin/upload", earlier));
        }

        var zip = Zip(("e/讲话.md", Utf8(Speech("新稿"))), ("f/讲话.md", Utf8(Speech("旧稿"))));
        using var form = Files(("batch.zip", zip));
        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        Assert.Equal(["uploads/讲话(2).md", "uploads/讲话.md"], files.Select(f => f.GetProperty("storedAs").GetString()));
        Assert.True(files[1].GetProperty("unchanged").GetBoolean(), files[1].ToString());
        Assert.Equal("与已有的同名文件内容完全相同，未改动 (the same bytes as the file of that name: left as it was)", files[1].GetProperty("reason").GetString());
        Assert.Contains("旧稿", File.ReadAllText(Path.Combine(Uploads, "讲话.md")), StringComparison.Ordinal);
        Assert.Contains("新稿", File.ReadAllText(Path.Combine(Uploads, "讲话(2).md")), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Uploads).Length);
    }

    /// <summary>A reason's English gloss: Latin words in parentheses after the Chinese (不是有效的 zip 文件 (not a valid zip file)).</summary>
    private const string EnglishGloss = @"\([A-Za-z][^()]*\)";

    [Fact]
    public async Task WhenAZipEntryInflatesLikeABomb_ShouldRejectThatEntry()
    {
        var bomb = new byte[4 * 1024 * 1024];
        Array.Fill(bomb, (byte)'a');
        using var form = Files(("bomb.zip", Zip(("bomb.txt", bomb), ("ok.md", Utf8(Speech("正常"))))));

        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        var bombed = files.Single(f => f.GetProperty("name").GetString()!.EndsWith("bomb.txt", StringComparison.Ordinal));
        Assert.False(bombed.GetProperty("accepted").GetBoolean());
        Assert.Matches(EnglishGloss, bombed.GetProperty("reason").GetString());
        Assert.True(files.Single(f => f.GetProperty("name").GetString()!.EndsWith("ok.md", StringComparison.Ordinal)).GetProperty("accepted").GetBoolean());
        Assert.False(File.Exists(Path.Combine(Uploads, "bomb.txt")));
    }

    [Fact]
    public async Task WhenAZipEntryIsDamaged_ShouldRejectThatEntryAndSayWhyInEnglishToo()
    {
        var zip = Zip(("damaged.md", Utf8(Speech("损坏"))), ("ok.md", Utf8(Speech("正常"))));
        var nameLength = BitConverter.ToUInt16(zip, 26);
        var data = 30 + nameLength + BitConverter.ToUInt16(zip, 28); // the first entry's compressed bytes follow its local header
        for (var i = data; i < data + 8; i++)
        {
            zip[i] ^= 0x5A;
        }

        using var form = Files(("mixed.zip", zip));

        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        var damaged = files.Single(f => f.GetProperty("name").GetString()!.EndsWith("damaged.md", StringComparison.Ordinal));
        Assert.False(damaged.GetProperty("accepted").GetBoolean());
        Assert.Contains("损坏", damaged.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Matches(EnglishGloss, damaged.GetProperty("reason").GetString());
        Assert.True(files.Single(f => f.GetProperty("name").GetString()!.EndsWith("ok.md", StringComparison.Ordinal)).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task WhenMoreFilesThanTheLimitAreUploadedAtOnce_ShouldTakeTheFirstAndSayWhyNotTheRestInEnglishToo()
    {
        using var form = Files([.. Enumerable.Range(0, 102).Select(i => ($"f{i:D3}.md", Utf8(Speech($"第{i}篇"))))]);

        var files = (await JsonAsync(await admin.PostAsync("/api/admin/upload", form))).GetProperty("files").EnumerateArray().ToList();

        var rest = files.Single(f => !f.GetProperty("accepted").GetBoolean());
        Assert.Equal("其余 2 个文件", rest.GetProperty("name").GetString());
        Assert.Matches(EnglishGloss, rest.GetProperty("reason").GetString());
        Assert.Equal(100, files.Count(f => f.GetProperty("accepted").GetBoolean()));
    }

    [Fact]
    public async Task WhenTheFileIsNotAZip_ShouldRejectIt()
    {
        using var form = Files(("fake.zip", Utf8("not a zip at all")));

        var file = Single(await JsonAsync(await admin.PostAsync("/api/admin/upload", form)));

        Assert.False(file.GetProperty("accepted").GetBoolean());
        Assert.Equal("不是有效的 zip 文件 (not a valid zip file)", file.GetProperty("reason").GetString()); // in English too, as every reason
    }

    [Fact]
    public async Task WhenTheRequestIsOverTheLimit_ShouldAnswer413()
    {
        using var form = Files(("huge.txt", new byte[21 * 1024 * 1024]));

        using var response = await admin.PostAsync("/api/admin/upload", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(Directory.Exists(Uploads));
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("请求体超过上限 20 MB。(the request body is over the 20 MB limit)", detail); // Chinese, then the English gloss
    }

    private static JsonElement Single(JsonElement report) => Assert.Single(report.GetProperty("files").EnumerateArray().ToList());

    public void Dispose()
    {
        admin.Dispose();
        app.Dispose();
    }
}
