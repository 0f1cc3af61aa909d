using SpeechArchive.Export;
using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Export;

/// <summary>
/// The fixture corpus and one speech with a category and a full date, indexed for real, exported once with few documents
/// per file (so there are several), shared read-only by the tests of one class.
/// </summary>
public sealed class ExportFixture : IDisposable
{
    public const int DocsPerFile = 7;

    private readonly TempFolder folder = new();

    public ExportFixture()
    {
        var corpus = folder.CopyFixtureCorpus();
        File.WriteAllText(Path.Combine(corpus, "2023-gongzuo-baogao.md"),
            "---\ntitle: 政府工作报告\ndate: 2023-03-05\nspeaker: 国务院总理\norganization: 国务院\ncategory: government_work_report\n---\n\n"
            + "各位代表：\n\n## 一、过去一年工作回顾\n\n坚持稳中求进，统筹发展和安全、统筹疫情防控和经济社会发展。**同志指出，要坚定信心。\n\n"
            + "## 二、今年工作安排\n\n要着力扩大国内需求；加快建设现代化产业体系。xx区要做好“六稳”“六保”工作。\n");
        IndexDirectory = folder.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = IndexDirectory });
        Snapshot = IndexSnapshot.Load(IndexDirectory);
        OutputDirectory = folder.Combine("export");
        Result = ElasticExporter.Export(Snapshot, new ElasticExportOptions { OutputDirectory = OutputDirectory, DocsPerFile = DocsPerFile });
    }

    public string IndexDirectory { get; }

    public IndexSnapshot Snapshot { get; }

    public string OutputDirectory { get; }

    public ElasticExportResult Result { get; }

    public void Dispose() => folder.Dispose();
}
