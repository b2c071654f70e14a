using System.Text.Json.Nodes;
using static Previz.Providers.Tests.Generation.VendorSchema;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// fal's Wan 2.2 VACE Fun A14B depth endpoint as fal documents it, written from the vendor's own type file (fal-ai/fal-js
/// libs/client/src/types/endpoints.ts at 381105e: <c>Wan22VaceFunA14bDepthInput = WanVace14bPoseInput</c>), not from the
/// catalog: prompt and video_url required; preprocess; first_frame_url / last_frame_url; ref_image_urls; negative_prompt;
/// seed; num_frames 81–241; frames_per_second 5–30; match_input_num_frames / match_input_frames_per_second;
/// resolution auto|240p|360p|480p|580p|720p; aspect_ratio auto|16:9|1:1|9:16; and sampling knobs Previz leaves at
/// their defaults.
/// </summary>
internal static class WanVaceDepth
{
    public const string Endpoint = "fal-ai/wan-22-vace-fun-a14b/depth";

    public static VendorSchema Schema { get; } = new("fal-js endpoints.ts WanVace14bPoseInput (Wan22VaceFunA14bDepthInput)", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["prompt"] = Text,
        ["video_url"] = Url,
        ["preprocess"] = Bool,
        ["first_frame_url"] = Url,
        ["last_frame_url"] = Url,
        ["ref_image_urls"] = UrlList(16),
        ["negative_prompt"] = Text,
        ["seed"] = Integer,
        ["num_frames"] = IntegerIn(81, 241),
        ["frames_per_second"] = IntegerIn(5, 30),
        ["match_input_num_frames"] = Bool,
        ["match_input_frames_per_second"] = Bool,
        ["resolution"] = OneOf("auto", "240p", "360p", "480p", "580p", "720p"),
        ["aspect_ratio"] = OneOf("auto", "16:9", "1:1", "9:16"),
        ["num_inference_steps"] = Integer,
        ["enable_safety_checker"] = Bool,
    }, ["prompt", "video_url"]);
}
