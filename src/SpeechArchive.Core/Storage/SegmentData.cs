namespace SpeechArchive.Storage;

/// <summary>
/// One segment of postings as stored: a term blob (count, then per term: UTF-8 text, postings offset, document count) and a
/// postings blob (per term: document-id deltas and term frequencies as varints). Document ids are passage row ids, which
/// only ever grow, so a term's lists concatenated in segment order stay sorted.
/// </summary>
internal sealed record SegmentData(long Id, int DocCount, byte[] Terms, byte[] Postings);
