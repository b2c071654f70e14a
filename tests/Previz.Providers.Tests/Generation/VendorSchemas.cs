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
    private static readonly Func<JsonNode?, bool> FalResolution = OneOf("720p", "1080p");

    public static IReadOnlyDictionary<string, VendorSchema> ByEndpoint { get; } = Build();

    /// <summary>The schema of <paramref name="endpoint"/>, or of the variant <paramref name="body"/> picks where the endpoint is a union by model.</summary>
    public static VendorSchema? For(string endpoint, JsonObject body) =>
        endpoint == RunwayVideoToVideo.Endpoint ? RunwayVideoToVideo.For(body) : ByEndpoint.GetValueOrDefault(endpoint);

    private static Dictionary<string, VendorSchema> Build()
    {
        var schemas = new Dictionary<string, VendorSchema>();

        // fal model pages fal-ai/veo3.1/image-to-video and /fast/image-to-video (fal.ai llms.txt; clawhub corespeed-art
        // references/veo.md "Image-to-Video — Input Schema"): prompt, image_url (required), aspect_ratio auto|16:9|9:16,
        // duration 4s|6s|8s, resolution 720p|1080p, generate_audio; also negative_prompt, seed (not sent by Previz).
        foreach (var id in new[] { "fal-ai/veo3.1/image-to-video", "fal-ai/veo3.1/fast/image-to-video" })
        {
            schemas[id] = new("fal model page (llms.txt) for " + id, new Dictionary<string, Func<JsonNode?, bool>>
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

        // fal-ai/veo3.1/fast/first-last-frame-to-video (fal model page, copy in iowathe3rd/studio docs/models): first_frame_url,
        // last_frame_url, prompt (all required), duration 4s|6s|8s, aspect_ratio auto|9:16|16:9|1:1, resolution 720p|1080p, generate_audio.
        foreach (var id in new[] { "fal-ai/veo3.1/first-last-frame-to-video", "fal-ai/veo3.1/fast/first-last-frame-to-video" })
        {
            schemas[id] = new("fal model page for " + id, new Dictionary<string, Func<JsonNode?, bool>>
            {
                ["prompt"] = Text,
                ["first_frame_url"] = Url,
                ["last_frame_url"] = Url,
                ["aspect_ratio"] = OneOf("auto", "9:16", "16:9", "1:1"),
                ["duration"] = VeoDuration,
                ["resolution"] = FalResolution,
                ["generate_audio"] = Bool,
            }, ["prompt", "first_frame_url", "last_frame_url"]);
        }

        // fal.ai/docs/model-api-reference/video-generation-api/veo3.1-reference-to-video: prompt (required), image_urls
        // ("URLs of the reference images"), aspect_ratio 16:9|9:16, duration (string, default "8s"), resolution 720p|1080p|4k,
        // generate_audio, auto_fix, safety_tolerance. Google: up to 3 reference images.
        schemas["fal-ai/veo3.1/reference-to-video"] = new("fal docs veo3.1-reference-to-video", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_urls"] = UrlList(3),
            ["aspect_ratio"] = OneOf("16:9", "9:16"),
            ["duration"] = VeoDuration,
            ["resolution"] = OneOf("720p", "1080p", "4k"),
            ["generate_audio"] = Bool,
        }, ["prompt", "image_urls"]);

        // Kling 2.x image-to-video on fal (fal-js EndpointTypeMap; fal model page fal-ai/kling-video/v2.1/pro/image-to-video):
        // prompt, image_url (required), duration "5"|"10", negative_prompt, cfg_scale; tail_image_url on 2.1 Pro and 2.5 Turbo
        // Pro only; no aspect_ratio, no seed.
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

            schemas[id] = new("fal-js EndpointTypeMap / fal model page for " + id, fields, ["prompt", "image_url"]);
        }

        // fal-ai/kling-video/v2.6/pro/image-to-video (fal-js EndpointTypeMap via shared/MODELS.md): prompt, start_image_url
        // (required), end_image_url, duration "5"|"10", generate_audio, negative_prompt.
        schemas["fal-ai/kling-video/v2.6/pro/image-to-video"] = new("fal-js EndpointTypeMap (Kling 2.6 Pro i2v)", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["start_image_url"] = Url,
            ["end_image_url"] = Url,
            ["duration"] = KlingDuration,
            ["generate_audio"] = Bool,
            ["negative_prompt"] = Text,
        }, ["prompt", "start_image_url"]);

        // fal-ai/kling-video/v3/{standard,pro}/image-to-video (fal model page, copy in edenartlab/eve eve/tools/kling_v3/docs.md):
        // prompt, start_image_url (required), duration "3"…"15", generate_audio, end_image_url, elements
        // [{frontal_image_url, reference_image_urls[]} | {video_url}], aspect_ratio 16:9|9:16|1:1, negative_prompt, cfg_scale.
        foreach (var id in new[] { "fal-ai/kling-video/v3/standard/image-to-video", "fal-ai/kling-video/v3/pro/image-to-video" })
        {
            schemas[id] = new("fal model page fal-ai/kling-video/v3/standard/image-to-video", new Dictionary<string, Func<JsonNode?, bool>>
            {
                ["prompt"] = Text,
                ["start_image_url"] = Url,
                ["end_image_url"] = Url,
                ["duration"] = OneOf(Seconds(3, 15)),
                ["generate_audio"] = Bool,
                ["aspect_ratio"] = OneOf("16:9", "9:16", "1:1"),
                ["negative_prompt"] = Text,
                ["elements"] = n => n is JsonArray a && a.Count > 0 && a.All(e => e is JsonObject o && Url(o["frontal_image_url"])
                    && o.All(p => p.Key == "frontal_image_url" || (p.Key == "reference_image_urls" && UrlList(10)(p.Value)))),
            }, ["start_image_url"]);
        }

        // bytedance/seedance-2.0/image-to-video (fal.ai/models/bytedance/seedance-2.0/image-to-video/api; shared/MODELS.md):
        // prompt, image_url (required), end_image_url, duration "auto"|"4"…"15", aspect_ratio, resolution 480p|720p|1080p,
        // generate_audio, seed.
        var seedanceAspects = OneOf("auto", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16");
        schemas["bytedance/seedance-2.0/image-to-video"] = new("fal model page bytedance/seedance-2.0/image-to-video", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_url"] = Url,
            ["end_image_url"] = Url,
            ["duration"] = OneOf(["auto", .. Seconds(4, 15)]),
            ["aspect_ratio"] = seedanceAspects,
            ["resolution"] = OneOf("480p", "720p", "1080p"),
            ["generate_audio"] = Bool,
            ["seed"] = Integer,
        }, ["prompt", "image_url"]);

        // bytedance/seedance-2.0/reference-to-video: reference images instead of frames, up to 9 (3rd-party: node-banana
        // v1.6.0, Vercel AI Gateway playground); other fields as image-to-video.
        schemas["bytedance/seedance-2.0/reference-to-video"] = new("fal-seedance skill notes; node-banana (up to 9 reference images)", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_urls"] = UrlList(9),
            ["duration"] = OneOf(["auto", .. Seconds(4, 15)]),
            ["aspect_ratio"] = seedanceAspects,
            ["resolution"] = OneOf("480p", "720p", "1080p"),
            ["generate_audio"] = Bool,
            ["seed"] = Integer,
        }, ["prompt", "image_urls"]);

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

        // luma/agent/ray/v3.2/image-to-video on fal (fal-js EndpointTypeMap via shared/MODELS.md; docs.comfy.org Luma Ray 3.2
        // nodes): prompt 1–6000, keyframes[] 1–64 image URLs with keyframe_indexes[] (frame positions, 120 frames per 5 s),
        // duration 5s|10s, resolution 360p|540p|720p|1080p.
        schemas["luma/agent/ray/v3.2/image-to-video"] = new("fal-js EndpointTypeMap (luma/agent/ray/v3.2); docs.comfy.org LumaRay32KeyframesToVideoNode", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = n => Text(n) && ((string)n!).Length <= 6000,
            ["keyframes"] = UrlList(64),
            ["keyframe_indexes"] = n => n is JsonArray a && a.Count > 0 && a.All(i => IntegerIn(0, 239)(i)),
            ["duration"] = OneOf("5s", "10s"),
            ["resolution"] = OneOf("360p", "540p", "720p", "1080p"),
        }, ["prompt", "keyframes", "keyframe_indexes"]);

        schemas[WanVaceDepth.Endpoint] = WanVaceDepth.Schema;

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

        // Image models on fal. Nano Banana Pro edit: prompt, image_urls, aspect_ratio, resolution 1K|2K|4K, num_images (Google's
        // Nano Banana schema as copied by docs.argil.ai / docs.venice.ai). FLUX.1 Kontext [pro]: prompt, image_url,
        // aspect_ratio, seed, num_images. Imagen 4 preview: prompt, aspect_ratio, negative_prompt, seed, num_images.
        // Seedream 4 edit: prompt, image_urls, image_size (preset names), seed, num_images.
        schemas["fal-ai/nano-banana-pro/edit"] = new("Nano Banana schema copies (docs.argil.ai, docs.venice.ai)", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_urls"] = UrlList(14),
            ["aspect_ratio"] = OneOf("21:9", "16:9", "3:2", "4:3", "1:1", "3:4", "2:3", "9:16", "5:4", "4:5"),
            ["resolution"] = OneOf("1K", "2K", "4K"),
            ["num_images"] = Exactly(1),
        }, ["prompt", "image_urls"]);
        schemas["fal-ai/flux-pro/kontext"] = new("fal fal-ai/flux-pro/kontext pages", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["image_url"] = Url,
            ["aspect_ratio"] = OneOf("21:9", "16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "9:21"),
            ["seed"] = Integer,
            ["num_images"] = Exactly(1),
        }, ["prompt", "image_url"]);
        schemas["fal-ai/imagen4/preview"] = new("fal-ai/imagen4/preview (litellm, promptfoo fal provider docs)", new Dictionary<string, Func<JsonNode?, bool>>
        {
            ["prompt"] = Text,
            ["aspect_ratio"] = OneOf("1:1", "16:9", "9:16", "3:4", "4:3"),
            ["negative_prompt"] = Text,
            ["seed"] = Integer,
            ["num_images"] = Exactly(1),
        }, ["prompt"]);
        schemas["fal-ai/bytedance/seedream/v4/edit"] = new("Seedream 4 edit on fal", new Dictionary<string, Func<JsonNode?, bool>>
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
