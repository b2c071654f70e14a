using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Previz.Core.Editing;

/// <summary>How edits and edited documents are written: edits in camelCase with their <c>op</c>, documents indented.</summary>
public static class SceneEditJson
{
    /// <summary>For reading and writing <see cref="SceneEdit"/> lists.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>How a scene document reads: as <see cref="Loading.SceneReader"/> reads it.</summary>
    internal static JsonDocumentOptions DocumentOptions { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    internal static JsonSerializerOptions DocumentWriteOptions { get; } = new()
    {
        WriteIndented = true,
        // Scene text is read by people in editors: keep quotes and accents as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<SceneEdit> ReadList(string json) =>
        JsonSerializer.Deserialize<List<SceneEdit>>(json, Options) ?? [];

    public static string WriteList(IReadOnlyList<SceneEdit> edits) => JsonSerializer.Serialize(edits, Options);
}
