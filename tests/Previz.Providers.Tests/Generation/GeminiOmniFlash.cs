using System.Text.Json.Nodes;
using static Previz.Providers.Tests.Generation.VendorSchema;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// fal's Gemini Omni Flash endpoints that Previz routes, as fal documents them, written from the vendor's own type file
/// (fal-ai/fal-js libs/client/src/types/endpoints.ts at 381105e), not from the catalog. <c>OmniFlashImageToVideoInput</c>:
/// prompt and image_url required; aspect_ratio "16:9"|"9:16"; duration a number (fal's page: "integer", "Range: 3 to 10").
/// <c>OmniFlashReferenceToVideoInput</c>: the same less image_url, with image_urls (fal states no count; Google's page: 10).
/// <c>OmniFlashVideoEditInput</c>: prompt and video_url, both required, nothing else. Neither has a seed, negative_prompt,
/// resolution or audio field.
/// </summary>
internal static class GeminiOmniFlash
{
    public const string ImageToVideo = "google/gemini-omni-flash/image-to-video";

    public const string Edit = "google/gemini-omni-flash/edit";

    public static VendorSchema ImageToVideoSchema { get; } = new("fal-js endpoints.ts OmniFlashImageToVideoInput (duration range: fal llms.txt)", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["prompt"] = Text,
        ["image_url"] = Url,
        ["aspect_ratio"] = OneOf("16:9", "9:16"),
        ["duration"] = IntegerIn(3, 10),
    }, ["prompt", "image_url"]);

    public const string ReferenceToVideo = "google/gemini-omni-flash/reference-to-video";

    /// <summary><c>OmniFlashReferenceToVideoInput</c>: prompt and image_urls required; aspect_ratio; duration. No frame.</summary>
    public static VendorSchema ReferenceToVideoSchema { get; } = new("fal-js endpoints.ts OmniFlashReferenceToVideoInput (duration range: fal llms.txt)", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["prompt"] = Text,
        ["image_urls"] = UrlList(10),
        ["aspect_ratio"] = OneOf("16:9", "9:16"),
        ["duration"] = IntegerIn(3, 10),
    }, ["prompt", "image_urls"]);

    public static VendorSchema EditSchema { get; } = new("fal-js endpoints.ts OmniFlashVideoEditInput", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["prompt"] = Text,
        ["video_url"] = Url,
    }, ["prompt", "video_url"]);
}
