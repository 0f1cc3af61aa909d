using System.Diagnostics;
using SpeechArchive.Structure;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Structure;

public static partial class SpeechParserTests
{
    /// <summary>Every text of the shared corpus, read by path (never copied); skipped with the missing path when ../shared is absent.</summary>
    public sealed class Corpus(ITestOutputHelper output)
    {
        [SkippableTheory]
        [InlineData("reports")]
        [InlineData("xi-2020")]
        public void WhenParsingEveryFileOfASet_ShouldKeepTheInvariants(string set)
        {
            var folder = SharedCorpus.Require(set);
            int files = 0;
            int passages = 0;
            foreach (string file in Directory.GetFiles(folder, "*.txt"))
            {
                string text = File.ReadAllText(file);
                SpeechStructure structure = SpeechParser.Parse(text);
                StructureInvariants.Check(text, structure, Path.GetFileName(file));
                files++;
                passages += structure.Passages.Count;
            }

            output.WriteLine($"{set}: {files} files, {passages} passages");
            Assert.True(files > 0, $"no .txt files in {folder}");
        }

        [SkippableFact]
        public void WhenParsingTheWholeCorpus_ShouldReportTheTimeTaken()
        {
            var seeds = SharedCorpus.Require("seeds");
            string root = Path.GetDirectoryName(seeds)!;
            List<string> texts = Directory.GetDirectories(root).SelectMany(set => Directory.GetFiles(set, "*.txt")).Select(File.ReadAllText).ToList();
            var watch = Stopwatch.StartNew();
            long passages = 0;
            foreach (string text in texts)
            {
                passages += SpeechParser.Parse(text).Passages.Count;
            }

            watch.Stop();
            output.WriteLine($"{texts.Count} files, {texts.Sum(t => (long)t.Length):N0} chars, {passages:N0} passages parsed in {watch.ElapsedMilliseconds} ms (first pass, JIT included)");
            Assert.True(passages > 0);
        }
    }
}
