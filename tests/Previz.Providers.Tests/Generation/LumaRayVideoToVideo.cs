using System.Text.Json.Nodes;
using static Previz.Providers.Tests.Generation.VendorSchema;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// fal's Luma Ray 3.2 video-to-video endpoint as fal documents it, written from the vendor's own type file (fal-ai/fal-js
/// libs/client/src/types/endpoints.ts at 381105e: <c>AgentRayV32VideoToVideoInput</c>), not from the catalog: prompt and
/// video_url required; start_image_url; duration 5s|10s; resolution 540p|720p|1080p; edit_strength adhere_1…reimagine_3;
/// auto_controls; controls; keyframes (up to 64) with keyframe_indexes; hdr; exr_export. No aspect_ratio, seed or
/// negative_prompt.
/// </summary>
internal static class LumaRayVideoToVideo
{
    public const string Endpoint = "luma/agent/ray/v3.2/video-to-video";

    public static VendorSchema Schema { get; } = new("fal-js endpoints.ts AgentRayV32VideoToVideoInput", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["prompt"] = Text,
        ["video_url"] = Url,
        ["start_image_url"] = Url,
        ["duration"] = OneOf("5s", "10s"),
        ["resolution"] = OneOf("540p", "720p", "1080p"),
        ["edit_strength"] = OneOf("adhere_1", "adhere_2", "adhere_3", "flex_1", "flex_2", "flex_3", "reimagine_1", "reimagine_2", "reimagine_3"),
        ["auto_controls"] = Bool,
        ["controls"] = n => n is JsonObject,
        ["keyframes"] = UrlList(64),
        ["keyframe_indexes"] = n => n is JsonArray a && a.All(i => AsLong(i) is >= 0),
        ["hdr"] = Bool,
        ["exr_export"] = Bool,
    }, ["prompt", "video_url"]);
}
