using System.Text.Json.Nodes;
using static Previz.Providers.Tests.Generation.VendorSchema;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// Runway's <c>POST /v1/video_to_video</c> as Runway's own SDK types it, written from runwayml/sdk-python
/// src/runwayml/types/video_to_video_create_params.py at c604e0e (2026-07-27, generated from Runway's OpenAPI), not
/// from the catalog. The body is a union discriminated by <c>model</c>; each variant is its own schema.
/// </summary>
internal static class RunwayVideoToVideo
{
    public const string Endpoint = "video_to_video";

    private const string Source = "runwayml/sdk-python video_to_video_create_params.py";

    /// <summary>
    /// class Variant0: model "aleph2" and videoUri required; promptText (non-empty); keyframes (up to 5, each {uri,
    /// seconds} or {uri, at}, optional range); ratio (a string); seed (integer); contentModeration {publicFigureThreshold
    /// auto|low}; targetAspectRatio 16:9|4:3|3:2|1:1|2:3|3:4|9:16|21:9.
    /// </summary>
    public static VendorSchema Aleph2 { get; } = new(Source + " (Variant0, aleph2)", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["model"] = OneOf("aleph2"),
        ["videoUri"] = Url,
        ["promptText"] = Text,
        ["keyframes"] = n => n is JsonArray a && a.Count is > 0 and <= 5 && a.All(k => k is JsonObject o && Url(o["uri"]) && (o.ContainsKey("seconds") || o.ContainsKey("at"))),
        ["ratio"] = Text,
        ["seed"] = Integer,
        ["contentModeration"] = n => n is JsonObject o && o.All(p => p.Key == "publicFigureThreshold" && OneOf("auto", "low")(p.Value)),
        ["targetAspectRatio"] = OneOf("16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "21:9"),
    }, ["model", "videoUri"]);

    /// <summary>
    /// class Seedance2: model "seedance2" and promptVideo required; audio (bool); duration (integer seconds of output);
    /// promptText (up to 3500 characters); ratio (24 pixel sizes from 992:432 to 2160:3840); references (images, up to 9,
    /// {uri}); referenceVideos ({type: "video", uri}); referenceAudio ({type: "audio", uri}).
    /// </summary>
    public static VendorSchema Seedance2 { get; } = new(Source + " (Seedance2)", new Dictionary<string, Func<JsonNode?, bool>>
    {
        ["model"] = OneOf("seedance2"),
        ["promptVideo"] = Url,
        ["audio"] = Bool,
        ["duration"] = Integer,
        ["promptText"] = n => Text(n) && ((string)n!).Length <= 3500,
        ["ratio"] = OneOf(
            "992:432", "864:496", "752:560", "640:640", "560:752", "496:864", "1470:630", "1280:720", "1112:834", "960:960", "834:1112", "720:1280",
            "2206:946", "1920:1080", "1664:1248", "1440:1440", "1248:1664", "1080:1920", "3840:1646", "3840:2160", "3840:2880", "3840:3840", "2880:3840", "2160:3840"),
        ["references"] = n => n is JsonArray a && a.Count is > 0 and <= 9 && a.All(r => r is JsonObject o && Url(o["uri"])),
        ["referenceVideos"] = n => n is JsonArray a && a.All(r => r is JsonObject o && (string?)o["type"] == "video" && Url(o["uri"])),
        ["referenceAudio"] = n => n is JsonArray a && a.All(r => r is JsonObject o && (string?)o["type"] == "audio" && Url(o["uri"])),
    }, ["model", "promptVideo"]);

    /// <summary>The variant a body's <c>model</c> selects; null for a model the SDK does not list.</summary>
    public static VendorSchema? For(JsonObject body) => (string?)body["model"] switch
    {
        "aleph2" => Aleph2,
        "seedance2" => Seedance2,
        _ => null,
    };
}
