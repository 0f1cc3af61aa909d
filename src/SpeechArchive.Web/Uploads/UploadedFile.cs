namespace SpeechArchive.Web.Uploads;

/// <summary>
/// A document in the corpus's <c>uploads/</c> folder, as the admin page and <c>GET /api/admin/uploads</c> list it: its
/// <see cref="Name"/> (what <c>DELETE /api/admin/uploads/{name}</c> takes), its <see cref="Path"/> in the corpus (as an
/// upload's <c>storedAs</c> names it), size and last write, and the speech the served index made of it (null until a
/// reindex takes it in).
/// </summary>
internal sealed record UploadedFile(string Name, string Path, long Bytes, DateTimeOffset Modified, string? SpeechId, string? Title);
