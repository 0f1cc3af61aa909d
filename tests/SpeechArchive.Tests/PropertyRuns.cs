using FsCheck;
using FsCheck.Fluent;

namespace SpeechArchive.Tests;

/// <summary>
/// How many cases each property tries: the given default in the normal run, or <c>SPEECHARCHIVE_PROPERTY_RUNS</c> times that
/// many for a deeper search (e.g. 10 before a release). FsCheck prints the seed of a failing case to replay it.
/// </summary>
public static class PropertyRuns
{
    public const string Variable = "SPEECHARCHIVE_PROPERTY_RUNS";

    public static Config Quick(int cases, int endSize = 100)
    {
        var factor = int.TryParse(Environment.GetEnvironmentVariable(Variable), out var f) && f > 0 ? f : 1;
        return Config.QuickThrowOnFailure.WithMaxTest(cases * factor).WithEndSize(endSize).WithQuietOnSuccess(true);
    }

    public static void Check<T>(Gen<T> generator, Action<T> property, int cases, int endSize = 100) =>
        global::FsCheck.Check.One(Quick(cases, endSize), Prop.ForAll(generator.ToArbitrary(), property));
}
