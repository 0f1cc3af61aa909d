namespace SpeechArchive.LoadTest;

/// <summary>What the load is made of: 70 % API searches, 15 % search pages, 10 % reader pages with hits marked, 5 % facets.</summary>
internal sealed class RequestMix(IReadOnlyList<(string Query, string Extra)> queries, IReadOnlyList<string> speechIds)
{
    public static RequestMix Load(string file, IReadOnlyList<string> speechIds)
    {
        var queries = File.ReadAllLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Skip(1)
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p.Length > 1 ? p[1] : ""))
            .ToList();
        return new RequestMix(queries, speechIds);
    }

    /// <summary>The <paramref name="n"/>-th request of the run (deterministic, so runs are comparable).</summary>
    public string Url(long n)
    {
        var (query, extra) = queries[(int)(n % queries.Count)];
        var q = "q=" + Uri.EscapeDataString(query) + (extra.Length > 0 ? "&" + extra : "");
        return (n % 20) switch
        {
            < 14 => "/api/search?" + q,
            < 17 => "/?" + q,
            < 19 => "/speeches/" + Uri.EscapeDataString(speechIds[(int)(n / 20 % speechIds.Count)]) + "?q=" + Uri.EscapeDataString(query),
            _ => "/api/facets?" + q,
        };
    }
}
