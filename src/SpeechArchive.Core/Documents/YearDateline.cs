namespace SpeechArchive.Documents;

/// <summary>A full date set apart at the top of a text (under its title) or at its end (a signature, a note, a source line), as written.</summary>
internal readonly record struct YearDateline(int Year, string Date, bool AtTop);
