namespace SpeechArchive.Analysis;

/// <summary>Thresholds of <see cref="WordDiscovery"/>; the defaults are tuned on official speeches, reports and laws.</summary>
public sealed record WordDiscoveryOptions
{
    public static WordDiscoveryOptions Default { get; } = new();

    /// <summary>The longest word learned, in characters (2..7).</summary>
    public int MaxLength { get; init; } = 6;

    /// <summary>The fewest occurrences of a two-character word in a corpus of a million or more Han characters; smaller corpora scale it down to 2.</summary>
    public int MinFrequency { get; init; } = 5;

    /// <summary>Extra occurrences asked of each character beyond two (long strings are more often phrases than words).</summary>
    public double LengthFrequencyStep { get; init; } = 0.5;

    /// <summary>The cohesion, on substring counts, of the core words the corpus is first segmented with: min over the split points of ln(f(w)·N / (f(a)·f(b))).</summary>
    public double CoreCohesion { get; init; } = 3.0;

    /// <summary>The least cohesion of a word, with its parts counted as free words (after the first segmentation).</summary>
    public double MinCohesion { get; init; } = 2.0;

    /// <summary>The least boundary entropy (nats) on either side; below it, a side is free only if its dominant neighbour does not cut a word (伟大|复兴, not 社会|主义).</summary>
    public double MinBoundaryEntropy { get; init; } = 1.2;

    /// <summary>The least share of a word's occurrences that must begin and end between two words of the first segmentation (识和 in 知识和 begins inside 知识).</summary>
    public double MinAlignment { get; init; } = 0.6;

    /// <summary>The cohesion a word beginning or ending with a function character (的, 和, 是, 在 …) needs, with its parts counted as free words.</summary>
    public double FunctionCohesion { get; init; } = 3.5;

    /// <summary>How clearly a word made of other words of two or more characters must beat that split, in nats of word-token probability (食品安全 does, 应当建立 does not).</summary>
    public double CompoundMargin { get; init; } = 4.5;

    /// <summary>Threads to count with (0: one per core). The result does not depend on it.</summary>
    public int Threads { get; init; }
}
