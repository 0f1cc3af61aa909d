using SpeechArchive.Tests;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Tests.Units;

public sealed class ArchivePathsTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void WhenRunInsideAClone_ShouldResolveRelativeToTheRepositoryRoot()
    {
        File.WriteAllText(folder.Combine(ArchivePaths.SolutionFile), "");
        var project = folder.Combine("src", "SpeechArchive.Web");
        Directory.CreateDirectory(project);

        Assert.Equal(folder.Combine("corpus"), ArchivePaths.Resolve("corpus", project));
        Assert.Equal(folder.Combine("corpus"), ArchivePaths.Resolve("corpus", folder.Path));
    }

    [Fact]
    public void WhenRunOutsideAClone_ShouldResolveRelativeToTheStartFolder()
    {
        var deployed = folder.Combine("app");
        Directory.CreateDirectory(deployed);

        Assert.Equal(Path.Combine(deployed, "index"), ArchivePaths.Resolve("index", deployed));
    }

    [Fact]
    public void WhenThePathIsAbsolute_ShouldKeepIt()
    {
        var absolute = folder.Combine("elsewhere", "corpus");

        Assert.Equal(absolute, ArchivePaths.Resolve(absolute, folder.Path));
    }

    public void Dispose() => folder.Dispose();
}
