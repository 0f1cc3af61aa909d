namespace SpeechArchive.Search;

/// <summary>
/// The passages holding at least the minimum number of a free-text query's words, found from the words' passage lists
/// alone, before anything is scored: a passage holding m of n words misses at most n − m of them, so it is in one of any
/// n − m + 1 of them — the rarest are walked and each passage found is looked up (galloping) in the others, as MaxScore
/// walks only its essential lists (a long walk in two halves side by side). The word ranking then scores only these passages (<see cref="WordMatch.Within"/>), not
/// every passage holding each word: the same scores, since a passage's score is made from its own matches and the words'
/// document frequencies.
/// </summary>
internal static class FreeTextCandidates
{
    /// <summary>
    /// The passages (sorted) holding at least <paramref name="minimum"/> of <paramref name="slots"/>, as the word ranking counts
    /// a slot held: one of its words or thesaurus terms, or all its components (when it has more than one). Null when the
    /// minimum is below 2 (every passage holding any word counts: nothing to skip). From <paramref name="splitFrom"/> passages
    /// in the walked lists on, the passages are walked in two halves, the upper one on another core.
    /// </summary>
    public static int[]? AtLeast(IReadOnlyList<WordSlot> slots, Func<QueryWord, WordMatch> match, int minimum, int splitFrom = SplitFrom)
    {
        if (minimum < 2 || minimum > slots.Count)
        {
            return null;
        }

        // Looked up rarest first: a passage missing more slots than the minimum allows is let go at the first misses.
        var lists = slots.Select(s => new SlotLists(s, match)).OrderBy(h => h.Estimate).ToArray();
        var walked = lists.Take(slots.Count - minimum + 1).SelectMany(h => h.Walked).Where(l => l.Length > 0).ToArray();
        var longest = walked.Length == 0 ? [] : walked.MaxBy(l => l.Length)!;
        if (longest.Length == 0 || walked.Sum(l => (long)l.Length) < splitFrom)
        {
            return [.. Walk(lists, walked, minimum, 0, int.MaxValue)];
        }

        // Two halves of the passages walked side by side (the other on another core), each with cursors of its own.
        var middle = longest[longest.Length / 2];
        var upper = Task.Run(() => Walk(lists, walked, minimum, middle, int.MaxValue));
        var lower = Walk(lists, walked, minimum, 0, middle);
        return [.. lower, .. upper.GetAwaiter().GetResult()];
    }

    /// <summary>From how many passages in the walked lists the walk is split in two (measured at ×10: 29,000 walked in 1.5 ms).</summary>
    private const int SplitFrom = 16_384;

    /// <summary>
    /// The passages in [<paramref name="from"/>, <paramref name="to"/>) holding at least <paramref name="minimum"/> of the slots
    /// (<paramref name="slots"/>, rarest first): the union of <paramref name="walked"/> (the essential slots' lists), each passage
    /// looked up in the slots.
    /// </summary>
    private static List<int> Walk(SlotLists[] slots, int[][] walked, int minimum, int from, int to)
    {
        var held = slots.Select(s => s.Cursors()).ToArray();
        var heads = walked.Select(l => PostingsMath.Gallop(l, 0, from)).ToArray();
        var found = new List<int>();
        while (true)
        {
            var doc = int.MaxValue;
            for (var k = 0; k < walked.Length; k++)
            {
                if (heads[k] < walked[k].Length && walked[k][heads[k]] < doc)
                {
                    doc = walked[k][heads[k]];
                }
            }

            if (doc >= to)
            {
                break;
            }

            for (var k = 0; k < walked.Length; k++)
            {
                if (heads[k] < walked[k].Length && walked[k][heads[k]] == doc)
                {
                    heads[k]++;
                }
            }

            var count = 0;
            for (var s = 0; s < held.Length && count < minimum && count + held.Length - s >= minimum; s++)
            {
                if (held[s].Holds(doc))
                {
                    count++;
                }
            }

            if (count >= minimum)
            {
                found.Add(doc);
            }
        }

        return found;
    }

    /// <summary><paramref name="match"/> with every word's passages cut down to <paramref name="docs"/> (sorted), each cut made once.</summary>
    public static Func<QueryWord, WordMatch> Within(Func<QueryWord, WordMatch> match, int[] docs)
    {
        var cut = new Dictionary<QueryWord, WordMatch>();
        return word =>
        {
            if (!cut.TryGetValue(word, out var within))
            {
                cut[word] = within = match(word).Within(docs);
            }

            return within;
        };
    }

    /// <summary>A slot's passage lists: any of its words or terms, or all of its components.</summary>
    private sealed class SlotLists
    {
        private readonly int[][] any;
        private readonly int[][] all;

        public SlotLists(WordSlot slot, Func<QueryWord, WordMatch> match)
        {
            any = [.. slot.Words.Concat(slot.Expansions).Select(w => match(w).Docs)];
            all = slot.Components.Count > 1 ? [.. slot.Components.Select(w => match(w).Docs).OrderBy(d => d.Length)] : [];
            Estimate = any.Sum(d => (long)d.Length) + (all.Length > 0 ? all[0].Length : 0);
        }

        /// <summary>At least the number of passages holding the slot.</summary>
        public long Estimate { get; }

        /// <summary>Lists whose union holds every passage holding the slot.</summary>
        public IEnumerable<int[]> Walked => all.Length > 0 ? any.Append(all[0]) : any;

        /// <summary>Cursors over the lists, to look passages up in ascending order.</summary>
        public SlotCursors Cursors() => new(any, all);
    }

    /// <summary>A slot's lists with a cursor each, looked up in ascending order of passage.</summary>
    private sealed class SlotCursors(int[][] any, int[][] all)
    {
        private readonly int[] anyAt = new int[any.Length];
        private readonly int[] allAt = new int[all.Length];

        /// <summary>Whether the slot is held in <paramref name="doc"/>; each call's passage at least the last one's.</summary>
        public bool Holds(int doc)
        {
            var holds = false;
            for (var k = 0; k < any.Length; k++)
            {
                holds |= In(any[k], ref anyAt[k], doc); // every cursor moves up to the passage, so later lookups start there
            }

            if (holds || all.Length == 0)
            {
                return holds;
            }

            for (var k = 0; k < all.Length; k++)
            {
                if (!In(all[k], ref allAt[k], doc))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool In(int[] docs, ref int at, int doc)
        {
            at = PostingsMath.Gallop(docs, at, doc);
            return at < docs.Length && docs[at] == doc;
        }
    }
}
