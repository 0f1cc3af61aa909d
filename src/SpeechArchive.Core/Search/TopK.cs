namespace SpeechArchive.Search;

/// <summary>Keeps the best k of a stream of (doc, score, date) by a fixed order, in O(n log k).</summary>
internal sealed class TopK(int k, SearchSort sort)
{
    private readonly PriorityQueue<(int Doc, double Score, int Date), (int Doc, double Score, int Date)> heap =
        new(Comparer<(int Doc, double Score, int Date)>.Create((a, b) => -Compare(a, b, sort)));

    /// <summary>Negative when a ranks before b.</summary>
    public static int Compare((int Doc, double Score, int Date) a, (int Doc, double Score, int Date) b, SearchSort sort)
    {
        var c = sort switch
        {
            SearchSort.DateDescending => b.Date.CompareTo(a.Date) is var d && d != 0 ? d : b.Score.CompareTo(a.Score),
            SearchSort.DateAscending => Dated(a.Date).CompareTo(Dated(b.Date)) is var d && d != 0 ? d : b.Score.CompareTo(a.Score),
            _ => b.Score.CompareTo(a.Score) is var s && s != 0 ? s : b.Date.CompareTo(a.Date),
        };
        return c != 0 ? c : a.Doc.CompareTo(b.Doc);
    }

    /// <summary>A date key as the oldest first orders it: a speech without a date or year (0) after every dated one, as newest first has it.</summary>
    private static int Dated(int date) => date == 0 ? int.MaxValue : date;

    /// <summary>
    /// In relevance order once k items are kept, the worst kept score: anything scoring below it cannot enter, so a caller
    /// may skip <see cref="Offer"/> for it; +∞ when nothing is kept (k = 0); otherwise −∞.
    /// </summary>
    public double Threshold => k <= 0 ? double.PositiveInfinity
        : sort == SearchSort.Relevance && heap.Count >= k ? heap.Peek().Score : double.NegativeInfinity;

    /// <summary>How many items it keeps at most (k).</summary>
    public int Capacity => k;

    /// <summary>Whether k items are kept (with k = 0, always).</summary>
    public bool IsFull => heap.Count >= k;

    public void Offer(int doc, double score, int date)
    {
        if (k <= 0)
        {
            return;
        }

        var item = (doc, score, date);
        if (heap.Count < k)
        {
            heap.Enqueue(item, item);
            return;
        }

        var worst = heap.Peek();
        if (sort == SearchSort.Relevance && score < worst.Score)
        {
            return; // ranks after the worst kept: the common case, decided without the full comparison
        }

        if (Compare(item, worst, sort) < 0)
        {
            heap.DequeueEnqueue(item, item);
        }
    }

    /// <summary>The kept items, best first.</summary>
    public List<(int Doc, double Score, int Date)> Drain()
    {
        var list = new List<(int Doc, double Score, int Date)>(heap.Count);
        while (heap.Count > 0)
        {
            list.Add(heap.Dequeue());
        }

        list.Reverse();
        return list;
    }
}
