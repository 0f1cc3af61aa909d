using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SpeechArchive.Web.Tests;

/// <summary>Helpers for the admin API: multipart uploads, zips, waiting for a reindex.</summary>
internal static class Admin
{
    public static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }

    /// <summary>A multipart body written by hand, for file names HttpClient refuses to put in a header.</summary>
    public static ByteArrayContent RawMultipart(string fileName, byte[] bytes)
    {
        const string boundary = "----speecharchive-test";
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{fileName}\"\r\nContent-Type: text/plain\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent([.. head, .. bytes, .. tail]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (!name.EndsWith('/'))
                {
                    using var stream = entry.Open();
                    stream.Write(bytes);
                }
            }
        }

        return buffer.ToArray();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls /api/admin/status until no reindex runs (bounded); returns the final status.</summary>
    public static async Task<JsonElement> WaitForReindexAsync(HttpClient admin)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await JsonAsync(await admin.GetAsync("/api/admin/status"));
            if (!status.GetProperty("running").GetBoolean())
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The reindex did not finish within a minute.");
    }

    /// <summary>A small speech with a word no fixture has, to find it after a reindex.</summary>
    public static string Speech(string marker) =>
        $"在{marker}专题会议上的讲话\n\n同志们：\n一、提高认识\n要深入学习{marker}工作要求，严禁弄虚作假。\n";
}
