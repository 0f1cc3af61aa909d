namespace SpeechArchive.Tests;

/// <summary>The test classes that read the evaluation's archive, which is indexed once for them all.</summary>
[CollectionDefinition(Name)]
public sealed class EvaluationArchiveCollection : ICollectionFixture<EvaluationArchive>
{
    public const string Name = "evaluation archive";
}
