using System.Text.Json.Nodes;
using static Previz.Providers.Tests.Generation.VendorSchema;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// fal's Kling 2.6 Pro motion-control endpoint as fal documents it, written from the vendor's own type file (fal-ai/fal-js
/// libs/client/src/types/endpoints.ts at 381105e: <c>KlingVideoV26ProMotionControlInput</c>), not from the catalog:
/// character_orientation "image"|"video", image_url and video_url required; keep_original_sound (default true); prompt.
/// No duration, aspect_ratio, resolution, seed or negative_prompt.
/// </summary>
internal static class KlingMotionControl
{
    public const string Endpoint = "fal-ai/kling-video/v2.6/pro/motion-control";

    public static VendorSchema Schema { get; } = new("fal-js endpoints.ts KlingVideoV26ProMotionControlInput", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["character_orientation"] = OneOf("image", "video"),
        ["image_url"] = Url,
        ["keep_original_sound"] = Bool,
        ["prompt"] = Text,
        ["video_url"] = Url,
    }, ["character_orientation", "image_url", "video_url"]);
}
