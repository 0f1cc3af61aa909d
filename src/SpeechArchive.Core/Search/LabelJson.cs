using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeechArchive.Search;

/// <summary>
/// The stored lists of themes and directive types (<see cref="LabelInfo"/>, JSON with <see cref="JsonDefaults"/>' web
/// conventions) read without reflection: a snapshot's load reads them first, and reflection-based JSON would set itself up
/// there, in the start-up of every host.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<LabelInfo>))]
internal sealed partial class LabelJson : JsonSerializerContext;
