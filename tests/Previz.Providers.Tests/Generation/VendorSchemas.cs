using System.Text.Json.Nodes;
using static Previz.Providers.Tests.Generation.VendorSchema;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// The vendor schemas of every endpoint the catalog uses, written from the vendors' references (not from the catalog),
/// so a wrong field name or value format in the catalog or the body builder fails the tests.
/// </summary>
internal static class VendorSchemas
{
    private static readonly Func<JsonNode?, bool> VeoDuration = OneOf("4s", "6s", "8s");
    private static readonly Func<JsonNode?, bool> KlingDuration = OneOf("5", "10");
    private static readonly Func<JsonNode?, bool> FalResolution = OneOf("720p", "1080p", "4k");

    // fal's own input types: fal-ai/fal-js@381105e138b85502b528fb8f6c16d909e30e462a:libs/client/src/types/endpoints.ts.
    private const string FalJs = "fal-js@381105e endpoints.ts ";

    public static IReadOnlyDictionary<string, VendorSchema> ByEndpoint { get; } = Build();

    /// <summary>The schema of <paramref name="endpoint"/>, or of the variant <paramref name="body"/> picks where the endpoint is a union by model.</summary>
    public static VendorSchema? For(string endpoint, JsonObject body) =>
        endpoint switch
        {
            RunwayVideoToVideo.Endpoint => RunwayVideoToVideo.For(body),
            LumaAgentsVideoEdit.Endpoint => LumaAgentsVideoEdit.Schema,
            _ => ByEndpoint.GetValueOrDefault(endpoint),
        };

    private static Dictionary<string, VendorSchema> Build()
    {
        var schemas = new Dictionary<string, VendorSchema>();

        // fal-ai/veo3.1/image-to-video and /fast/image-to-video (Veo31ImageToVideoInput; Veo31FastImageToVideoInput is the same
        // type): prompt, image_url (required), aspect_ratio auto|16:9|9:16, duration 4s|6s|8s, resolution 720p|1080p|4k,
        // generate_audio, negative_prompt, seed.
        foreach (var id in new[] { "fal-ai/veo3.1/image-to-video", "fal-ai/veo3.1/fast/image-to-video" })
        {
            schemas[id] = new(FalJs + "Veo31ImageToVideoInput", new Dictionary<string, Func<JsonNode?, bool>>
            {
                ["prompt"] = Text,
                ["image_url"] = Url,
                ["aspect_ratio"] = OneOf("auto", "16:9", "9:16"),
                ["duration"] = VeoDuration,
                ["resolution"] = FalResolution,
                ["generate_audio"] = Bool,
                ["negative_prompt"] = Text,
                ["seed"] = Integer,
            }, ["prompt", "image_url"]);
        }

        // fal-ai/veo3.1/first-last-frame-to-video and /fast/… (Veo31FirstLastFrameToVideoInput; the Fast type is the same):
        // first_frame_url, last_frame_url, prompt (all required), duration 4s|6s|8s, aspect_ratio auto|16:9|9:16, resolution
        // 720p|1080p|4k, generate_audio, negative_prompt, seed.
        foreach (var id in new[] { "fal-ai/veo3.1/first-last-frame-to-video", "fal-ai/veo3.1/fast/first-last-frame-to-video" })
        {
            schemas[id] = new(FalJs + "Veo31FirstLastFrameToVideoInput", new Dictionary<string, Func<JsonNode?, bool>>
            {
                ["prompt"] = Text,
                ["first_frame_url"] = Url,
                ["last_frame_url"] = Url,
                ["aspect_ratio"] = OneOf("auto", "16:9", "9:16"),
                ["duration"] = VeoDuration,
                ["resolution"] = FalResolution,
                ["generate_audio"] = Bool,
                ["negative_prompt"] = Text,
                ["seed"] = Integer,
            }, ["prompt", "first_frame_url", "last_frame_url"]);
        }

        // fal-ai/veo3.1/reference-to-video (Veo31ReferenceToVideoInput): prompt, image_urls (both required), aspect_ratio
        // 16:9|9:16, duration (string, default "8s"), resolution 720p|1080p|4k, generate_audio, auto_fix, safety_tolerance; no
        // seed. Google's Veo 3.1 page (ai.google.dev/gemini-api/docs/video): up to three reference images.
        schemas["fal-ai/veo3.1/reference-to-video"] = new(FalJs + "Veo31ReferenceToVideoInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_urls"] = UrlList(3),
            ["aspect_ratio"] = OneOf("16:9", "9:16"),
            ["duration"] = VeoDuration,
            ["resolution"] = OneOf("720p", "1080p", "4k"),
            ["generate_audio"] = Bool,
        }, ["prompt", "image_urls"]);

        // Kling 2.x image-to-video on fal (KlingVideoV2MasterImageToVideoInput, shared by 2.1 Standard and 2.1 Master;
        // KlingVideoV21ProImageToVideoInput, shared by 2.5 Turbo Pro): prompt, image_url (required), duration "5"|"10",
        // negative_prompt, cfg_scale; tail_image_url on 2.1 Pro and 2.5 Turbo Pro only; no aspect_ratio, no seed.
        foreach (var (id, tail) in new[]
        {
            ("fal-ai/kling-video/v2/master/image-to-video", false), ("fal-ai/kling-video/v2.1/standard/image-to-video", false),
            ("fal-ai/kling-video/v2.1/pro/image-to-video", true), ("fal-ai/kling-video/v2.1/master/image-to-video", false),
            ("fal-ai/kling-video/v2.5-turbo/pro/image-to-video", true),
        })
        {
            var fields = new Dictionary<string, Func<JsonNode?, bool>>
            {
                ["prompt"] = Text,
                ["image_url"] = Url,
                ["duration"] = KlingDuration,
                ["negative_prompt"] = Text,
                ["cfg_scale"] = n => n is JsonValue,
            };
            if (tail)
            {
                fields["tail_image_url"] = Url;
            }

            schemas[id] = new(FalJs + "Kling 2.x image-to-video input for " + id, fields, ["prompt", "image_url"]);
        }

        // fal-ai/kling-video/v2.6/pro/image-to-video (KlingVideoV26ProImageToVideoInput): prompt, start_image_url (both
        // required), end_image_url, duration "5"|"10", generate_audio, negative_prompt, voice_ids; no aspect_ratio, no seed.
        schemas["fal-ai/kling-video/v2.6/pro/image-to-video"] = new(FalJs + "KlingVideoV26ProImageToVideoInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["start_image_url"] = Url,
            ["end_image_url"] = Url,
            ["duration"] = KlingDuration,
            ["generate_audio"] = Bool,
            ["negative_prompt"] = Text,
        }, ["prompt", "start_image_url"]);

        // fal-ai/kling-video/v3/{standard,pro}/image-to-video (both typed KlingVideoV34kImageToVideoInput): prompt,
        // start_image_url (required), duration "3"…"15", generate_audio, end_image_url, elements [{frontal_image_url,
        // reference_image_urls ("1-3 images")} | {video_url}], multi_prompt, shot_type, negative_prompt, cfg_scale; no
        // aspect_ratio ("Aspect ratio is determined by the start image, not a parameter", fal's v3 Pro page), no seed.
        foreach (var id in new[] { "fal-ai/kling-video/v3/standard/image-to-video", "fal-ai/kling-video/v3/pro/image-to-video" })
        {
            schemas[id] = new(FalJs + "KlingVideoV34kImageToVideoInput", new Dictionary<string, Func<JsonNode?, bool>>
            {
                ["prompt"] = Text,
                ["start_image_url"] = Url,
                ["end_image_url"] = Url,
                ["duration"] = OneOf(Seconds(3, 15)),
                ["generate_audio"] = Bool,
                ["negative_prompt"] = Text,
                ["elements"] = n => n is JsonArray a && a.Count > 0 && a.All(e => e is JsonObject o && Url(o["frontal_image_url"])
                    && o.All(p => p.Key == "frontal_image_url" || (p.Key == "reference_image_urls" && UrlList(3)(p.Value)))),
            }, ["start_image_url"]);
        }

        // bytedance/seedance-2.0/image-to-video (Seedance2I2VInput): prompt, image_url (required), end_image_url, duration
        // "auto"|"4"…"15", aspect_ratio auto|21:9|16:9|4:3|1:1|3:4|9:16, resolution 480p|720p|1080p|4k, generate_audio,
        // bitrate_mode, end_user_id; no seed.
        var seedanceAspects = OneOf("auto", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16");
        var seedanceResolutions = OneOf("480p", "720p", "1080p", "4k");
        schemas["bytedance/seedance-2.0/image-to-video"] = new(FalJs + "Seedance2I2VInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_url"] = Url,
            ["end_image_url"] = Url,
            ["duration"] = OneOf(["auto", .. Seconds(4, 15)]),
            ["aspect_ratio"] = seedanceAspects,
            ["resolution"] = seedanceResolutions,
            ["generate_audio"] = Bool,
        }, ["prompt", "image_url"]);

        // bytedance/seedance-2.0/reference-to-video (Seedance2R2VInput): image_urls "Up to 9 images" (with video_urls and
        // audio_urls, "Total files across all modalities must not exceed 12"), no first/last frame; prompt required; other
        // fields as image-to-video; no seed.
        schemas["bytedance/seedance-2.0/reference-to-video"] = new(FalJs + "Seedance2R2VInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_urls"] = UrlList(9),
            ["duration"] = OneOf(["auto", .. Seconds(4, 15)]),
            ["aspect_ratio"] = seedanceAspects,
            ["resolution"] = seedanceResolutions,
            ["generate_audio"] = Bool,
        }, ["prompt"]);

        // Runway POST /v1/image_to_video, class Gen4_5 (runwayml/sdk-python image_to_video_create_params.py): model "gen4.5",
        // promptImage (required), promptText ≤ 1000, ratio (required) 1280:720|720:1280|1104:832|960:960|832:1104|1584:672,
        // duration integer 2–10, seed.
        schemas["image_to_video"] = new("runwayml/sdk-python image_to_video_create_params.py (Gen4_5)", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["model"] = OneOf("gen4.5"),
            ["promptImage"] = Url,
            ["promptText"] = n => Text(n) && ((string)n!).Length <= 1000,
            ["ratio"] = OneOf("1280:720", "720:1280", "1104:832", "960:960", "832:1104", "1584:672"),
            ["duration"] = IntegerIn(2, 10),
            ["seed"] = Integer,
        }, ["model", "promptImage", "ratio"]);

        // luma/agent/ray/v3.2/image-to-video on fal (AgentRayV32ImageToVideoInput; prompt length from docs.comfy.org
        // LumaRay32KeyframesToVideoNode): prompt (required) 1–6000, keyframes[] "1-64 image URLs" with keyframe_indexes[]
        // ("duration x 24fps: 5s -> 0-120, 10s -> 0-240"), duration 5s|10s, aspect_ratio 3:4|4:3|1:1|9:16|16:9|21:9
        // (default 16:9), resolution 540p|720p|1080p; image_url/end_image_url/loop exclude keyframes.
        schemas["luma/agent/ray/v3.2/image-to-video"] = new(FalJs + "AgentRayV32ImageToVideoInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = n => Text(n) && ((string)n!).Length <= 6000,
            ["keyframes"] = UrlList(64),
            ["keyframe_indexes"] = n => n is JsonArray a && a.Count > 0 && a.All(i => IntegerIn(0, 240)(i)),
            ["duration"] = OneOf("5s", "10s"),
            ["aspect_ratio"] = OneOf("3:4", "4:3", "1:1", "9:16", "16:9", "21:9"),
            ["resolution"] = OneOf("540p", "720p", "1080p"),
        }, ["prompt", "keyframes", "keyframe_indexes"]);

        schemas[WanVaceDepth.Endpoint] = WanVaceDepth.Schema;
        schemas[LumaRayVideoToVideo.Endpoint] = LumaRayVideoToVideo.Schema;
        schemas[KlingMotionControl.Endpoint] = KlingMotionControl.Schema;
        schemas[GeminiOmniFlash.ImageToVideo] = GeminiOmniFlash.ImageToVideoSchema;
        schemas[GeminiOmniFlash.Edit] = GeminiOmniFlash.EditSchema;
        schemas[GeminiOmniFlash.ReferenceToVideo] = GeminiOmniFlash.ReferenceToVideoSchema;

        // The slots of the shipped ComfyUI workflow (src/Previz.Providers/ComfyUI/Workflows/wan-vace-depth.json, docs/comfyui.md),
        // with ComfyUI's own input limits: WanVaceToVideo width/height step 16, length step 4 from 1 (comfy_extras/nodes_wan.py).
        schemas["wan-vace-depth"] = new("ComfyUI workflow slots (docs/comfyui.md; nodes_wan.py WanVaceToVideo)", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["negative_prompt"] = Text,
            ["seed"] = Integer,
            ["guide_video"] = Text,
            ["start_frame"] = Text,
            ["width"] = n => AsLong(n) is { } w && w >= 16 && w % 16 == 0,
            ["height"] = n => AsLong(n) is { } h && h >= 16 && h % 16 == 0,
            ["length"] = n => AsLong(n) is { } l && l >= 1 && l % 4 == 1,
            ["fps"] = IntegerIn(5, 30),
        }, ["prompt", "guide_video", "width", "height", "length", "fps"]);

        // Image models on fal. Nano Banana Pro edit (NanoBananaProEditInput): prompt, image_urls (required), aspect_ratio
        // auto|21:9|16:9|3:2|4:3|5:4|1:1|4:5|3:4|2:3|9:16, resolution 1K|2K|4K, num_images, seed. FLUX.1 Kontext [pro]
        // (FluxKontextInput): prompt, image_url, aspect_ratio, seed, num_images. Imagen 4 preview (Imagen4PreviewInput in
        // fal-js@2d757df; gone from @381105e): prompt, aspect_ratio, resolution 1K|2K, seed, num_images; no negative_prompt.
        // Seedream 4 edit (SeedDream4EditInput): prompt, image_urls (up to 10), image_size (preset names), seed, num_images.
        schemas["fal-ai/nano-banana-pro/edit"] = new(FalJs + "NanoBananaProEditInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_urls"] = UrlList(14),
            ["aspect_ratio"] = OneOf("auto", "21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16"),
            ["resolution"] = OneOf("1K", "2K", "4K"),
            ["num_images"] = Exactly(1),
            ["seed"] = Integer,
        }, ["prompt", "image_urls"]);
        schemas["fal-ai/flux-pro/kontext"] = new(FalJs + "FluxKontextInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_url"] = Url,
            ["aspect_ratio"] = OneOf("21:9", "16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "9:21"),
            ["seed"] = Integer,
            ["num_images"] = Exactly(1),
        }, ["prompt", "image_url"]);
        schemas["fal-ai/imagen4/preview"] = new("fal-js@2d757df endpoints.ts Imagen4PreviewInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["aspect_ratio"] = OneOf("1:1", "16:9", "9:16", "3:4", "4:3"),
            ["resolution"] = OneOf("1K", "2K"),
            ["seed"] = Integer,
            ["num_images"] = Exactly(1),
        }, ["prompt"]);
        schemas["fal-ai/bytedance/seedream/v4/edit"] = new(FalJs + "SeedDream4EditInput", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_urls"] = UrlList(10),
            ["image_size"] = OneOf("square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"),
            ["seed"] = Integer,
            ["num_images"] = Exactly(1),
        }, ["prompt", "image_urls"]);
        return schemas;
    }
}
