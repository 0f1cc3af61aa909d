namespace SpeechArchive.Structure;

/// <summary>
/// Keeps only markers that form a numbered run: 一, 二, 三… in order (a skipped or repeated number is tolerated,
/// as speeches have typos such as 一是…三是…三是…四是). A run found inside a paragraph needs at least two members
/// and must start at 一; a run the paragraph itself opens with may continue alone.
/// </summary>
internal static class PointChains
{
    private static readonly int StyleCount = Enum.GetValues<MarkerStyle>().Length;

    public static List<PointMarker> Select(List<PointMarker> candidates, PointMarker? lineMarker)
    {
        var accepted = new List<PointMarker>();
        var chains = new Chain?[StyleCount];
        if (lineMarker is { } opening && opening.Style.CanBeInline())
        {
            chains[(int)opening.Style] = new Chain(opening.Number, anchored: true);
        }

        foreach (PointMarker candidate in candidates)
        {
            int style = (int)candidate.Style;
            Chain? chain = chains[style];
            if (candidate.Number == 1)
            {
                chain?.CommitTo(accepted);
                chains[style] = new Chain(1, anchored: false, candidate);
            }
            else if (chain is not null && chain.Accepts(candidate.Number))
            {
                chain.Add(candidate);
            }
        }

        foreach (Chain? chain in chains)
        {
            chain?.CommitTo(accepted);
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    private sealed class Chain
    {
        private readonly List<PointMarker> members = [];
        private readonly bool anchored;
        private int last;

        public Chain(int first, bool anchored, PointMarker? member = null)
        {
            last = first;
            this.anchored = anchored;
            if (member is { } m)
            {
                members.Add(m);
            }
        }

        public bool Accepts(int number) => number == last + 1 || number == last + 2 || number == last;

        public void Add(PointMarker marker)
        {
            members.Add(marker);
            last = marker.Number;
        }

        public void CommitTo(List<PointMarker> accepted)
        {
            if (anchored || members.Count >= 2)
            {
                accepted.AddRange(members);
            }
        }
    }
}
