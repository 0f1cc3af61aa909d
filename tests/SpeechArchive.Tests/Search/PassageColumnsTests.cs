using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>A snapshot's passages are columns: nothing is kept per passage but numbers, and every field reads as stored.</summary>
public sealed class PassageColumnsTests(SeedIndexFixture fixture) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void EveryPassageId_ShouldBeFoundAgain()
    {
        var snapshot = fixture.Snapshot;
        Assert.True(snapshot.Passages.Count > 50, $"{snapshot.Passages.Count} passages");

        for (var d = 0; d < snapshot.Passages.Count; d++)
        {
            Assert.Equal(d, snapshot.FindPassage(snapshot.Passages[d].Id));
        }
    }

    [Theory]
    [InlineData("{0}:0")]
    [InlineData("{0}:01")]
    [InlineData("{0}:+1")]
    [InlineData("{0}: 1")]
    [InlineData("{0}:")]
    [InlineData("{0}")]
    [InlineData("{0}:99999")]
    [InlineData("no-such-speech:1")]
    [InlineData(":1")]
    public void AnIdNoPassageHas_ShouldFindNone(string pattern)
    {
        var snapshot = fixture.Snapshot;

        Assert.Null(snapshot.FindPassage(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, snapshot.Speeches[0].Id)));
    }

    [Fact]
    public void APassagesId_ShouldBeMadeWhenAskedNotKept()
    {
        var p = fixture.Snapshot.Passages[0];

        Assert.Equal(fixture.Snapshot.Speeches[p.Speech].Id + ":" + (p.Ordinal + 1), p.Id);
        Assert.NotSame(p.Id, p.Id);
    }

    [Fact]
    public void ThePerPassageColumns_ShouldHoldNoObjects()
    {
        var passages = fixture.Snapshot.Passages;
        var columns = typeof(PassageColumns).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            .Select(f => (f.Name, Type: f.FieldType, Length: f.GetValue(passages) switch
            {
                Array a => a.Length,
                { } v when f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Column<>) => (int)f.FieldType.GetProperty("Length")!.GetValue(v)!,
                _ => -1,
            }))
            .Where(c => c.Length >= passages.Count)
            .ToList();

        Assert.True(columns.Count >= 8, string.Join(", ", columns.Select(c => c.Name)));
        Assert.All(columns.Where(c => c.Name != "matchTexts"), c => Assert.True((c.Type.IsArray ? c.Type.GetElementType()! : c.Type.GetGenericArguments()[0]).IsPrimitive, c.Name));
    }

    [Fact]
    public void EachPassage_ShouldReadAsItsStoredRow()
    {
        var rows = AssertEachPassageReadsAsItsRow(fixture.IndexDirectory, fixture.Snapshot);
        using var store = IndexStore.Open(fixture.IndexDirectory, create: false);
        var sections = store.ReadSections();

        Assert.Contains(rows, r => r.PointLabel is not null);
        Assert.Contains(rows, r => r.Sentences.Contains(',', StringComparison.Ordinal) && r.Sentences.Split(';').Any(s => !s.EndsWith(',')));
        Assert.NotEmpty(sections);
    }
    /// <summary>Every passage of <paramref name="snapshot"/> reads as its row in the index's passages table; returns the rows.</summary>
    internal static IReadOnlyList<StoredPassage> AssertEachPassageReadsAsItsRow(string index, IndexSnapshot snapshot)
    {
        using var store = IndexStore.Open(index, create: false);
        var rows = store.ReadPassages();
        Assert.Equal(rows.Count, snapshot.Passages.Count);
        for (var d = 0; d < rows.Count; d++)
        {
            var (row, p) = (rows[d], snapshot.Passages[d]);
            var speech = snapshot.Speeches[p.Speech];
            Assert.Equal((row.Ordinal, row.SectionOrdinal, row.PointLabel, row.Start, row.End), (p.Ordinal, p.SectionOrdinal, p.PointLabel, p.Start, p.End));
            Assert.Equal(IndexSnapshot.SplitList(row.Themes), p.Themes);
            Assert.Equal(IndexSnapshot.SplitList(row.DirectiveTypes), p.DirectiveTypes);
            Assert.Equal(SentenceColumn.Decode(row.Sentences, row.Start), p.Sentences);
            Assert.Equal(row.SectionOrdinal < 0 ? "" : speech.Sections[row.SectionOrdinal].Path, p.SectionPath);
            Assert.Contains(d, speech.Passages);
        }

        return rows;
    }
}
