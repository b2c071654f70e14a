using System.Text.Json.Nodes;
using static Previz.Providers.Tests.Generation.VendorSchema;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// Luma's <c>POST /generations</c> body for a Ray 3.2 video edit as Luma's SDK types it, written from
/// lumalabs/luma-agents-python@38837df, not from the catalog: <c>GenerationCreateParams</c> (prompt required; model
/// uni-1|uni-1-max|ray-3.2; type image|image_edit|video|video_edit|video_reframe; source an ImageRef; aspect_ratio;
/// video), <c>VideoOptionsParam</c> (duration 5s|10s, resolution 540p|720p|1080p, edit, start_frame, end_frame, hdr,
/// exr_export, loop, source_position), <c>VideoEditOptionsParam</c> (auto_controls, strength adhere_1…reimagine_3,
/// controls, keyframes, keyframe_indexes) and <c>ImageRefParam</c> (exactly one of url, data, generation_id;
/// media_type "Required with data", a video/* type for a video_edit source).
/// </summary>
internal static class LumaAgentsVideoEdit
{
    public const string Endpoint = "generations";

    private static Dictionary<string, Func<JsonNode?, bool>> EditOptions { get; } = new()
    {
        ["auto_controls"] = Bool,
        ["strength"] = OneOf("adhere_1", "adhere_2", "adhere_3", "flex_1", "flex_2", "flex_3", "reimagine_1", "reimagine_2", "reimagine_3"),
        ["controls"] = n => n is JsonObject,
    };

    private static Dictionary<string, Func<JsonNode?, bool>> VideoOptions { get; } = new()
    {
        ["duration"] = OneOf("5s", "10s"),
        ["resolution"] = OneOf("540p", "720p", "1080p"),
        ["edit"] = n => Matches(n, EditOptions),
        ["hdr"] = Bool,
        ["exr_export"] = Bool,
        ["loop"] = Bool,
    };

    public static VendorSchema Schema { get; } = new("luma-agents-python@38837df GenerationCreateParams", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["prompt"] = Text,
        ["model"] = OneOf("uni-1", "uni-1-max", "ray-3.2"),
        ["type"] = OneOf("image", "image_edit", "video", "video_edit", "video_reframe"),
        ["source"] = n => InlineVideo(n),
        ["aspect_ratio"] = OneOf("3:1", "2:1", "21:9", "16:9", "4:3", "3:2", "1:1", "3:4", "2:3", "9:16", "1:2", "1:3"),
        ["video"] = n => Matches(n, VideoOptions),
        ["user_id"] = Text,
    }, ["prompt"]);

    /// <summary>An object whose every field is one of <paramref name="fields"/> with a value it accepts.</summary>
    private static bool Matches(JsonNode? node, Dictionary<string, Func<JsonNode?, bool>> fields)
    {
        if (node is not JsonObject obj)
        {
            return false;
        }

        foreach (var (name, value) in obj)
        {
            if (!fields.TryGetValue(name, out var accepts) || !accepts(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An ImageRef with inline data: exactly <c>{data, media_type}</c>, the type a video/* MIME.</summary>
    public static bool InlineVideo(JsonNode? n) =>
        n is JsonObject o && o.Count == 2 && Text(o["data"]) && o["media_type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("video/", StringComparison.Ordinal);
}
