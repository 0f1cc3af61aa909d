namespace SpeechArchive.Storage;

/// <summary>
/// One segment of postings as stored: a term blob (count, then per term: UTF-8 text, postings offset, document count) and a
/// postings blob (per term: varint (document-id delta &lt;&lt; 1 | frequency is 1), then the frequency when it is not 1). Document ids are passage row ids, which
/// only ever grow, so a term's lists concatenated in segment order stay sorted.
/// </summary>
internal sealed record SegmentData(long Id, int DocCount, byte[] Terms, byte[] Postings);

/// <summary>
/// A segment's term blob (null where only its head was read), its postings copied elsewhere (<see cref="SegmentPostingsFile"/>):
/// at <paramref name="PostingsAt"/>, <paramref name="PostingsLength"/> bytes.
/// </summary>
internal sealed record SegmentTerms(long Id, int DocCount, byte[]? Terms, long PostingsAt, long PostingsLength);
