using Microsoft.Data.Sqlite;
using SpeechArchive.Indexing;
using SpeechArchive.Tests;

namespace SpeechArchive.Web.Tests.Crash;

/// <summary>
/// An index another indexing pipeline wrote (before traditional characters were folded, pipeline 1): the web app serves it
/// at once and reads every file again in the background, as an upgrade needs, instead of serving stale postings for good.
/// </summary>
public sealed class OtherPipelineTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task AnIndexOfAnotherPipeline_ShouldServeAndBeReadAgainInTheBackground()
    {
        Indexer.Run(new IndexOptions { CorpusDirectory = TestPaths.Speeches, IndexDirectory = folder.Combine("index") });
        SetPipelineVersion("1");
        Assert.True(Indexer.WrittenByAnotherPipeline(folder.Combine("index")));

        using var app = WebAppProcess.Start(TestPaths.Speeches, folder.Combine("index"), token: null);
        await app.WaitUntilServingAsync(Wait);

        Assert.True(await app.WaitForLogAsync(l => l.Contains("another indexing pipeline", StringComparison.Ordinal), Wait), app.Log);
        var deadline = DateTime.UtcNow + Wait;
        while (Indexer.WrittenByAnotherPipeline(folder.Combine("index")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.False(Indexer.WrittenByAnotherPipeline(folder.Combine("index")), app.Log);
        Assert.Equal(Indexer.PipelineVersion, PipelineVersion());
    }

    private void SetPipelineVersion(string version)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE meta SET value = $v WHERE key = 'pipeline_version'";
        command.Parameters.AddWithValue("$v", version);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private string? PipelineVersion()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'pipeline_version'";
        return command.ExecuteScalar() as string;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={folder.Combine("index", "speecharchive.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => folder.Dispose();
}
