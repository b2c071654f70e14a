using Previz.Core.Modes;

namespace Previz.Core.Catalog;

/// <summary>
/// The catalog table. Every vendor fact carries its source. Sources, short names used below:
/// <list type="bullet">
/// <item>[fal-js] fal-ai/fal-js libs/client/src/types/endpoints.ts (EndpointTypeMap), as summarised in shared/MODELS.md.</item>
/// <item>[fal-veo-flf] fal model page fal-ai/veo3.1/fast/first-last-frame-to-video (copy in iowathe3rd/studio docs/models):
///   first_frame_url, last_frame_url, duration "4s"|"6s"|"8s" (default "8s"), aspect_ratio auto|9:16|16:9|1:1,
///   resolution 720p|1080p, generate_audio (default true).</item>
/// <item>[fal-kling21pro] fal model page fal-ai/kling-video/v2.1/pro/image-to-video (copy in bharm16/prompt-builder docs):
///   image_url, tail_image_url, duration "5"|"10", negative_prompt, cfg_scale.</item>
/// <item>[fal-kling3] fal model page fal-ai/kling-video/v3/standard/image-to-video (copy in edenartlab/eve
///   eve/tools/kling_v3/docs.md): start_image_url, end_image_url, duration "3"…"15", generate_audio (default true),
///   elements (frontal_image_url + reference_image_urls, "@Element1" in the prompt), aspect_ratio 16:9|9:16|1:1,
///   negative_prompt, cfg_scale; $0.168/s audio off, $0.252/s audio on.</item>
/// <item>[fal-seedance2] fal.ai/models/bytedance/seedance-2.0/image-to-video (api page and llms.txt): image_url;
///   $0.3024/s at 720p, $0.014 per 1000 tokens, tokens = height × width × seconds × 24 / 1024.</item>
/// <item>[runway-sdk] runwayml/sdk-python src/runwayml/types/image_to_video_create_params.py (class Gen4_5):
///   model "gen4.5", promptImage (HTTPS URL or [{uri, position:"first"}]), promptText ≤ 1000 UTF-16 units,
///   ratio 1280:720|720:1280|1104:832|960:960|832:1104|1584:672, duration integer 2–10, seed.</item>
/// <item>[comfy-ray32] docs.comfy.org LumaRay32KeyframesToVideoNode / LumaRay32ImageToVideoNode: prompt 1–6000
///   characters, resolution 360p|540p|720p|1080p, duration 5s|10s, 2–64 keyframes, 120 frames per 5 s (24 fps).</item>
/// <item>[fal-ray32-price] fal.ai/models/luma/agent/ray/v3.2/video-to-video/llms.txt: 5 s costs $0.72 (540p), $1.08
///   (720p), $2.16 (1080p); 10 s twice that.</item>
/// <item>[fal-wan-vace-depth] fal-ai/fal-js libs/client/src/types/endpoints.ts at 381105e ("chore: update endpoints types
///   (#219)"): Wan22VaceFunA14bDepthInput = WanVace14bPoseInput — prompt (required), video_url (required, "URL to the
///   source video file"), preprocess ("Whether to preprocess the input video"), first_frame_url, last_frame_url,
///   ref_image_urls, negative_prompt, seed, num_frames ("between 81 to 241 (inclusive)", default 81), frames_per_second
///   ("between 5 to 30", default 16, "Ignored if match_input_frames_per_second is true"), match_input_num_frames,
///   match_input_frames_per_second, resolution auto|240p|360p|480p|580p|720p, aspect_ratio auto|16:9|1:1|9:16.</item>
/// <item>[fal-wan-vace-price] fal.ai/models/fal-ai/wan-22-vace-fun-a14b/depth/llms.txt: "$0.10 per video second for 720p,
///   $0.075 for 580p, $0.05 for 480p. Video seconds are calculated at 16 frames per second."</item>
/// <item>[comfy-wan-vace] comfyanonymous/ComfyUI comfy_extras/nodes_wan.py (WanVaceToVideo: width and height in steps of
///   16, length in steps of 4 with default 81, control_video, reference_image) and nodes_video.py (LoadVideo, GetVideoComponents,
///   CreateVideo, SaveVideo); the server's HTTP API in server.py and docs.comfy.org/development/comfyui-server/comms_routes.</item>
/// <item>[MODELS.md] ../shared/MODELS.md, gathered by the team from vendor SDKs and price pages.</item>
/// <item>[fal-js@381105e] fal-ai/fal-js@381105e138b85502b528fb8f6c16d909e30e462a:libs/client/src/types/endpoints.ts
///   ("chore: update endpoints types (#219)", 2026-08-02): fal's own input types for every endpoint below.</item>
/// <item>[fal-llms] fal.ai/models/&lt;endpoint&gt;/llms.txt: fal's own model page, with its price.</item>
/// </list>
/// Each fact was checked against the vendor's own page in December 2026; docs/catalog-sources.md lists the outcome per fact.
/// Facts still marked "unverified" were not found in a vendor source; each says why.
/// </summary>
internal static class CatalogData
{
    private const string FalKey = "FAL_KEY";

    // lumalabs/luma-agents-python@38837df src/luma_agents/_client.py: os.environ.get("LUMA_AGENTS_API_KEY").
    private const string LumaKey = "LUMA_AGENTS_API_KEY";

    private static VendorAspect Landscape { get; } = VendorAspect.Of("16:9", 16, 9);
    private static VendorAspect Portrait { get; } = VendorAspect.Of("9:16", 9, 16);
    private static VendorAspect Square { get; } = VendorAspect.Of("1:1", 1, 1);

    private static Dictionary<ResolutionTier, string> Res(string preview, string final) =>
        new() { [ResolutionTier.Preview1K] = preview, [ResolutionTier.Final2K] = final };

    private static Dictionary<VisualizerMode, VendorEndpoint> Ep(params (VisualizerMode Mode, VendorEndpoint Endpoint)[] entries) =>
        entries.ToDictionary(e => e.Mode, e => e.Endpoint);

    public static IReadOnlyList<ModelEntry> Models { get; } =
    [
        // ── Direct Render ────────────────────────────────────────────────────────────────────────────────
        new ModelEntry
        {
            Id = "direct-render",
            DisplayName = "Direct Render",
            Provider = ModelProvider.DirectRender,
            Kind = ModelKind.Video,
            ExactMotion = true,
            Resolutions = Res("1280x720", "1920x1080"),
            Audio = AudioSupport.None,
            Pricing = ModelPricing.Free,
            Source = "Previz's own rasterizer: no AI, renders the shot's keyframed animation exactly, any aspect, any length.",
        },

        // ── Google Veo 3.1 on fal ───────────────────────────────────────────────────────────────────────
        Veo("veo-3.1", "Veo 3.1", "fal-ai/veo3.1",
            // $0.20/s without audio, $0.40/s with audio at 720p or 1080p (4k $0.40/$0.60, not offered here):
            // fal.ai/models/fal-ai/veo3.1/llms.txt and .../veo3.1/reference-to-video/llms.txt.
            new ModelPricing(BillingRule.PerSecond, [new("720p", 0.20m, 0.40m), new("1080p", 0.20m, 0.40m)],
                "fal.ai/models/fal-ai/veo3.1/llms.txt: $0.20/s without audio, $0.40/s with audio at 720p/1080p"),
            // Reference images go to fal-ai/veo3.1/reference-to-video, field image_urls ("URLs of the reference images to use
            // for consistent subject appearance"), no start frame [fal-js@381105e Veo31ReferenceToVideoInput]. fal states no
            // count; Google's own Veo 3.1 page gives it: "Use up to three reference images" (ai.google.dev/gemini-api/docs/video).
            new ReferenceImageSupport(3, "image_urls", "fal-ai/veo3.1/reference-to-video",
                "reference-to-video takes no start frame; up to 3 images (Google's Veo 3.1 docs)")),
        Veo("veo-3.1-fast", "Veo 3.1 Fast", "fal-ai/veo3.1/fast",
            // $0.10/s without audio, $0.15/s with audio at 720p or 1080p; "Only 16:9 and 9:16 are supported":
            // fal.ai/models/fal-ai/veo3.1/fast/image-to-video/llms.txt. The first-last schema agrees ("33% less") [fal-veo-flf].
            new ModelPricing(BillingRule.PerSecond, [new("720p", 0.10m, 0.15m), new("1080p", 0.10m, 0.15m)],
                "fal.ai/models/fal-ai/veo3.1/fast/image-to-video/llms.txt: $0.10/s, $0.15/s with audio at 720p/1080p"),
            null),

        // ── Kling on fal ────────────────────────────────────────────────────────────────────────────────
        // Kling 2.x image-to-video on fal: image_url, duration "5"|"10", negative_prompt, cfg_scale; tail_image_url on 2.1 Pro
        // and 2.5 Turbo Pro only; no aspect_ratio (the image sets it) and no seed [fal-js@381105e KlingVideoV2MasterImageToVideoInput,
        // KlingVideoV21ProImageToVideoInput]. No resolution field: output size is fixed.
        // Prices: fal's page for each endpoint [fal-llms] gives the 5 s price and the same rate per extra second, so a
        // 10 s clip costs twice the 5 s one and the per-5-s-clip rule below gives fal's totals.
        Kling2("kling-2.0-master", "Kling 2.0 Master", "fal-ai/kling-video/v2/master/image-to-video", tail: null, fixedResolution: "720p",
            // $1.40 per 5 s: fal's Kling 2.0 Master page (fal.ai/models/fal-ai/kling-video/v2/master/text-to-video/llms.txt,
            // "$1.40 … every additional second $0.28"). The image-to-video page's price is not in any stored copy: unverified
            // for image-to-video (searched fal.ai/models and fal.ai/docs for v2/master/image-to-video).
            clipPrice: 1.40m, priceSource: "fal Kling 2.0 Master: $1.40 per 5 s (text-to-video page; image-to-video price unverified)"),
        Kling2("kling-2.1-standard", "Kling 2.1 Standard", "fal-ai/kling-video/v2.1/standard/image-to-video", tail: null, fixedResolution: "720p",
            // "For 5s video your request will cost $0.28. For every additional second you will be charged $0.056"
            // (fal.ai/models/fal-ai/kling-video/v2.1/standard/image-to-video/llms.txt). Was $0.25 from a 3rd-party guide.
            clipPrice: 0.28m, priceSource: "fal.ai/models/fal-ai/kling-video/v2.1/standard/image-to-video/llms.txt: $0.28 per 5 s"),
        Kling2("kling-2.1-pro", "Kling 2.1 Pro", "fal-ai/kling-video/v2.1/pro/image-to-video", tail: "tail_image_url", fixedResolution: "1080p",
            // $0.49 per 5 s, +$0.098 per extra second = $0.98 for 10 s (fal.ai/models/fal-ai/kling-video/v2.1/pro/image-to-video/llms.txt).
            clipPrice: 0.49m, priceSource: "fal.ai/models/fal-ai/kling-video/v2.1/pro/image-to-video/llms.txt: $0.49 per 5 s"),
        Kling2("kling-2.1-master", "Kling 2.1 Master", "fal-ai/kling-video/v2.1/master/image-to-video", tail: null, fixedResolution: "1080p",
            // "For 5s video your request will cost $1.40. For every additional second you will be charged $0.28"
            // (fal.ai/models/fal-ai/kling-video/v2.1/master/image-to-video/llms.txt).
            clipPrice: 1.40m, priceSource: "fal.ai/models/fal-ai/kling-video/v2.1/master/image-to-video/llms.txt: $1.40 per 5 s"),
        Kling2("kling-2.5-turbo", "Kling 2.5 Turbo Pro", "fal-ai/kling-video/v2.5-turbo/pro/image-to-video", tail: "tail_image_url", fixedResolution: "1080p",
            // "For 5s video your request will cost $0.35. For every additional second you will be charged $0.07"
            // (fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt).
            clipPrice: 0.35m, priceSource: "fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt: $0.35 per 5 s"),
        new ModelEntry
        {
            Id = "kling-2.6-pro",
            DisplayName = "Kling 2.6 Pro",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            // start_image_url / end_image_url / generate_audio / negative_prompt, duration "5"|"10", no aspect_ratio, no seed
            // [fal-js@381105e KlingVideoV26ProImageToVideoInput].
            Endpoints = Ep(
                (VisualizerMode.StartFrame, new("fal-ai/kling-video/v2.6/pro/image-to-video", KlingStartEndFields(aspect: null))),
                (VisualizerMode.StartEnd, new("fal-ai/kling-video/v2.6/pro/image-to-video", KlingStartEndFields(aspect: null))),
                (VisualizerMode.FromAnimation, new("fal-ai/kling-video/v2.6/pro/image-to-video", KlingStartEndFields(aspect: null)))),
            Inputs = new ModelInputs { StartFrame = true, EndFrame = true },
            Durations = DurationSpec.Set(5, 10),
            Aspects = [Landscape, Portrait, Square],
            Resolutions = Res("1080p", "1080p"),
            Audio = AudioSupport.Optional,
            AudioDefaultOn = true,
            Fps = 24,
            // 2500 characters: Kling API prompt limit, unverified — Kling's own API reference is not in any stored copy and
            // fal's schema states no limit (searched docs/pages/code for Kling's image2video prompt limit; 3rd-party copies only).
            MaxPromptLength = 2500,
            // "Videos generated without audio cost $0.07 per second. Videos with native audio cost $0.14 per second"
            // (fal.ai/models/fal-ai/kling-video/v2.6/pro/image-to-video/llms.txt).
            Pricing = new ModelPricing(BillingRule.PerSecond, [new(PriceRow.AnyResolution, 0.07m, 0.14m)],
                "fal.ai/models/fal-ai/kling-video/v2.6/pro/image-to-video/llms.txt: $0.07/s silent, $0.14/s with audio"),
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (KlingVideoV26ProImageToVideoInput); fal llms.txt price page",
        },
        Kling3("kling-3-standard", "Kling 3 Standard", "fal-ai/kling-video/v3/standard/image-to-video", "720p",
            // [fal-kling3] (a copy of fal's page); 3/4 of the Pro price on fal's own Pro page below.
            new ModelPricing(BillingRule.PerSecond, [new(PriceRow.AnyResolution, 0.168m, 0.252m)],
                "fal model page fal-ai/kling-video/v3/standard/image-to-video: $0.168/s audio off, $0.252/s audio on")),
        Kling3("kling-3-pro", "Kling 3 Pro", "fal-ai/kling-video/v3/pro/image-to-video", "1080p",
            // "$0.224 (audio off) or $0.336 (audio on)" per second (fal.ai/models/fal-ai/kling-video/v3/pro/image-to-video/llms.txt).
            // A later-looking copy of fal's playground page for the same endpoint shows $0.112 / $0.168: fal may have halved
            // the price; the pricing API (GET api.fal.ai/v1/models/pricing) is the one to trust at run time.
            new ModelPricing(BillingRule.PerSecond, [new(PriceRow.AnyResolution, 0.224m, 0.336m)],
                "fal.ai/models/fal-ai/kling-video/v3/pro/image-to-video/llms.txt: $0.224/s audio off, $0.336/s audio on")),
        // fal's page: a start frame, an optional end frame and up to 8 middle frames, 3-30 s at 720p or 1080p, $0.157/s and
        // $0.235/s. The aspects and the always-on sound are from resellers' pages (WaveSpeed); recheck all when fal opens the API.
        Unavailable("kling-4.0", "Kling 4.0", ModelProvider.Fal, FalKey, DurationSpec.Range(3, 30), AudioSupport.Native,
            "fal offers Kling 4.0 only in its playground and agent (\"API access is coming soon\"); Kling 3 Pro is the newest Kling Previz can run.",
            "fal.ai/models/kling/v4/image-to-video/llms.txt (\"Kling 4.0 is available in the playground and fal Agent. API access is coming soon.\")"),

        // ── Seedance 2.0 on fal ─────────────────────────────────────────────────────────────────────────
        new ModelEntry
        {
            Id = "seedance-2.0",
            DisplayName = "Seedance 2.0",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            Endpoints = Ep(
                (VisualizerMode.StartFrame, new("bytedance/seedance-2.0/image-to-video", SeedanceFields())),
                (VisualizerMode.StartEnd, new("bytedance/seedance-2.0/image-to-video", SeedanceFields())),
                (VisualizerMode.FromAnimation, new("bytedance/seedance-2.0/image-to-video", SeedanceFields()))),
            // image_url, end_image_url, duration "auto"|"4"…"15", aspect_ratio, resolution, generate_audio; no seed field
            // [fal-js@381105e Seedance2I2VInput].
            Inputs = new ModelInputs
            {
                StartFrame = true,
                EndFrame = true,
                // bytedance/seedance-2.0/reference-to-video, image_urls: "Reference images … Refer to them in the prompt as
                // @Image1, @Image2, etc. … Up to 9 images" [fal-js@381105e Seedance2R2VInput]; it takes no first/last frame.
                ReferenceImages = new ReferenceImageSupport(9, "image_urls", "bytedance/seedance-2.0/reference-to-video",
                    "fal-js Seedance2R2VInput: up to 9 images, no first/last frame"),
            },
            // "auto" or 4…15 seconds [MODELS.md]; Previz always sends an explicit length.
            Durations = DurationSpec.Range(4, 15),
            // auto|21:9|16:9|4:3|1:1|3:4|9:16 [fal-js@381105e Seedance2I2VInput aspect_ratio].
            Aspects = [VendorAspect.Of("21:9", 21, 9), Landscape, VendorAspect.Of("4:3", 4, 3), Square, VendorAspect.Of("3:4", 3, 4), Portrait],
            // 480p|720p|1080p|4k [fal-js@381105e Seedance2I2VInput resolution]; Previz uses 720p and 1080p.
            Resolutions = Res("720p", "1080p"),
            Audio = AudioSupport.Optional,
            AudioDefaultOn = true,
            Fps = 24,
            // $0.014 per 1000 tokens, tokens = h × w × s × 24 / 1024 [fal-seedance2]:
            // 480p (854×480) ≈ $0.1345/s, 720p $0.3024/s (stated), 1080p $0.6804/s. Audio is not priced separately: "The cost of
            // video generation is the same regardless of whether audio is generated or not" [fal-js@381105e generate_audio].
            Pricing = new ModelPricing(BillingRule.PerSecond,
                [new("480p", 0.1345m, 0.1345m), new("720p", 0.3024m, 0.3024m), new("1080p", 0.6804m, 0.6804m)],
                "fal: $0.014 per 1000 video tokens (tokens = h×w×s×24/1024); 720p stated as $0.3024/s"),
            ApiKeyVariable = FalKey,
            Source = "fal.ai/models/bytedance/seedance-2.0/image-to-video; fal-js@381105e endpoints.ts (Seedance2I2VInput, Seedance2R2VInput)",
        },

        // ── Runway Gen-4.5 on Runway's API ──────────────────────────────────────────────────────────────
        new ModelEntry
        {
            Id = "runway-gen-4.5",
            DisplayName = "Runway Gen-4.5",
            Provider = ModelProvider.Runway,
            Kind = ModelKind.Video,
            // POST /v1/image_to_video, model "gen4.5" [runway-sdk]. Only position "first" exists: no end frame.
            Endpoints = Ep(
                (VisualizerMode.StartFrame, new("/v1/image_to_video", RunwayFields())),
                (VisualizerMode.FromAnimation, new("/v1/image_to_video", RunwayFields()))),
            // promptImage as a data URI must stay under 5 MB [MODELS.md from runwayml/sdk-python]; uploads are held to it too.
            Inputs = new ModelInputs { StartFrame = true, MaxImageBytes = 5_000_000 },
            Durations = DurationSpec.Range(2, 10),
            Aspects =
            [
                VendorAspect.Of("1280:720", 1280, 720), VendorAspect.Of("720:1280", 720, 1280), VendorAspect.Of("1104:832", 1104, 832),
                VendorAspect.Of("960:960", 960, 960), VendorAspect.Of("832:1104", 832, 1104), VendorAspect.Of("1584:672", 1584, 672),
            ],
            // The ratio is the output size: 720p class whatever the tier.
            Resolutions = Res("720p", "720p"),
            Audio = AudioSupport.None,
            Fps = 24,
            MaxPromptLength = 1000,
            // $0.01 a credit: Runway's own setup guide (docs.dev.runwayml.com/guides/setup, "at $0.01 per credit"). 12 credits per
            // second for gen4.5: unverified — only 3rd-party copies of Runway's model table state it (searched docs.dev.runwayml.com
            // pages and runwayml/sdk-python; the SDK carries no prices).
            Pricing = new ModelPricing(BillingRule.PerSecond, [new(PriceRow.AnyResolution, 0.12m)], "12 credits/s (unverified) × $0.01 a credit (Runway API setup guide)"),
            ApiKeyVariable = "RUNWAYML_API_SECRET",
            Source = "runwayml/sdk-python image_to_video_create_params.py (Gen4_5)",
        },

        // ── Luma ────────────────────────────────────────────────────────────────────────────────────────
        LumaUnavailable("luma-ray-3", "Luma Ray 3", "ray-3"),
        LumaUnavailable("luma-ray-3.14", "Luma Ray 3.14", "ray-3.14"),
        new ModelEntry
        {
            Id = "luma-ray-3.2",
            DisplayName = "Luma Ray 3.2",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            // fal: luma/agent/ray/v3.2/image-to-video takes keyframes[] ("1-64 image URLs") with keyframe_indexes[] ("duration x
            // 24fps: 5s -> 0-120, 10s -> 0-240") [fal-js@381105e AgentRayV32ImageToVideoInput]; start and end frames are keyframes
            // 0 and last (keyframes exclude image_url/end_image_url; "10s requires multi-keyframe input").
            Endpoints = Ep(
                (VisualizerMode.StartFrame, new("luma/agent/ray/v3.2/image-to-video", LumaKeyframeFields())),
                (VisualizerMode.StartEnd, new("luma/agent/ray/v3.2/image-to-video", LumaKeyframeFields())),
                (VisualizerMode.FromAnimation, new("luma/agent/ray/v3.2/image-to-video", LumaKeyframeFields()))),
            Inputs = new ModelInputs { StartFrame = true, EndFrame = true, MaxTimedKeyframes = 64 },
            Durations = DurationSpec.Set(5, 10), // "5s"|"10s" [fal-js@381105e]
            // aspect_ratio "3:4"|"4:3"|"1:1"|"9:16"|"16:9"|"21:9", default "16:9" [fal-js@381105e AgentRayV32ImageToVideoInput]:
            // the field exists, so it is sent (without it every clip would be 16:9). Was "no aspect field" (assumed).
            Aspects = [VendorAspect.Of("21:9", 21, 9), Landscape, VendorAspect.Of("4:3", 4, 3), Square, VendorAspect.Of("3:4", 3, 4), Portrait],
            Resolutions = Res("720p", "1080p"), // "540p"|"720p"|"1080p", default "540p" [fal-js@381105e]
            Audio = AudioSupport.None,
            Fps = 24, // 120 frames per 5 s [comfy-ray32]
            MaxPromptLength = 6000, // [comfy-ray32]
            // "For 5s video your request will cost $0.50 for 540p, $1 for 720p and $2 for 1080p. For 10s, $1 at 540p, $2 at 720p
            // and $4 at 1080p" (fal.ai/models/luma/agent/ray/v3.2/image-to-video/llms.txt). Was the video-to-video page's
            // $0.72 / $1.08 / $2.16 [fal-ray32-price], assumed equal.
            Pricing = new ModelPricing(BillingRule.PerClip, [new("540p", 0.50m), new("720p", 1.00m), new("1080p", 2.00m)],
                "fal.ai/models/luma/agent/ray/v3.2/image-to-video/llms.txt: $0.50 / $1 / $2 per 5 s at 540p / 720p / 1080p")
            { ClipSeconds = 5 },
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (AgentRayV32ImageToVideoInput); fal llms.txt price page; docs.comfy.org Luma Ray 3.2 nodes (prompt length)",
        },

        // ── Wan 2.2 VACE Fun A14B, depth task, on fal ─────────────────────────────────────────────────────
        new ModelEntry
        {
            Id = "wan-2.2-vace-depth",
            DisplayName = "Wan 2.2 VACE depth",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            // From Animation only: the endpoint requires video_url [fal-wan-vace-depth].
            Endpoints = Ep((VisualizerMode.FromAnimation, new("fal-ai/wan-22-vace-fun-a14b/depth", WanVaceDepthFields()))),
            Inputs = new ModelInputs
            {
                // first_frame_url: "If provided, the model will use this frame as a reference" [fal-wan-vace-depth]; sent only
                // when the user gives one (a captured grey render would pull the look towards Direct Render's shading).
                StartFrame = true,
                GuideVideo = new GuideVideoSpec
                {
                    // Our own depth pass, so preprocess is false (a constant field below).
                    Pass = GuidePass.Depth,
                    Field = "video_url",
                    // num_frames 81–241 inclusive, frames_per_second 5–30, default 16 [fal-wan-vace-depth]; with
                    // match_input_* the clip takes the guide's count and rate, so the guide is held to those limits.
                    MinFrames = 81,
                    MaxFrames = 241,
                    MinFps = 5,
                    MaxFps = 30,
                    PreferredFps = 16,
                    // Largest resolution value 720p [fal-wan-vace-depth]: 1280 px on the long edge at 16:9.
                    MaxLongEdge = 1280,
                    Source = "fal-js endpoints.ts WanVace14bPoseInput (num_frames, frames_per_second, resolution)",
                },
            },
            Aspects = [Landscape, Square, Portrait], // aspect_ratio auto|16:9|1:1|9:16 [fal-wan-vace-depth]
            // The largest resolution it offers is 720p, for both tiers [fal-wan-vace-depth].
            Resolutions = Res("720p", "720p"),
            Audio = AudioSupport.None,
            Pricing = new ModelPricing(BillingRule.PerSecond, [new("720p", 0.10m), new("580p", 0.075m), new("480p", 0.05m)],
                "fal.ai/models/fal-ai/wan-22-vace-fun-a14b/depth/llms.txt: $0.10 per video second at 720p ($0.075 580p, $0.05 480p), seconds counted at 16 fps")
            { FramesPerBilledSecond = 16 },
            ApiKeyVariable = FalKey,
            Source = "fal-js endpoints.ts (Wan22VaceFunA14bDepthInput); fal llms.txt price page",
        },

        // ── Your own ComfyUI server ──────────────────────────────────────────────────────────────────────
        new ModelEntry
        {
            Id = "comfyui-wan-vace-depth",
            DisplayName = "Wan VACE depth (your ComfyUI)",
            Provider = ModelProvider.ComfyUI,
            Kind = ModelKind.Video,
            // The endpoint id names the workflow; each field is a slot ("{{prompt}}") of the API-format workflow file.
            Endpoints = Ep((VisualizerMode.FromAnimation, new("wan-vace-depth", new RequestFields
            {
                StartImage = "start_frame",
                Duration = null,
                NegativePrompt = "negative_prompt",
                Seed = "seed",
                GuideWidth = "width",
                GuideHeight = "height",
                GuideFrames = "length",
                GuideFps = "fps",
            }))),
            Inputs = new ModelInputs
            {
                StartFrame = true,
                GuideVideo = new GuideVideoSpec
                {
                    Pass = GuidePass.Depth,
                    Field = "guide_video",
                    // WanVaceToVideo length: min 1, default 81, step 4, so 4n + 1 frames; width and height step 16
                    // [comfy-wan-vace]. Wan makes 16 fps. At most 241 frames and 5–30 fps: Previz's choice, as on fal.
                    MinFrames = 1,
                    MaxFrames = 241,
                    FrameStep = 4,
                    SizeStep = 16,
                    MinFps = 5,
                    MaxFps = 30,
                    PreferredFps = 16,
                    // 720p class on a user's GPU; width/height are sent so the workflow renders the guide's size.
                    MaxLongEdge = 1280,
                    Source = "comfy_extras/nodes_wan.py WanVaceToVideo (length step 4, default 81); Wan's 16 fps",
                },
            },
            Aspects = [],
            Resolutions = Res("832x480", "1280x720"),
            Audio = AudioSupport.None,
            Pricing = new ModelPricing(BillingRule.Free, [], "runs on your own ComfyUI server: nothing to pay"),
            // Not a secret: the server's address, without which the model cannot start.
            ApiKeyVariable = "Providers__ComfyUI__Url",
            Source = "ComfyUI server HTTP API (server.py, docs.comfy.org comms_routes); built-in Wan VACE nodes [comfy-wan-vace]",
        },

        // ── Runway Aleph 2.0 on Runway's API: restyles the shot's shaded pass ─────────────────────────────
        // Sources: [runway-v2v] runwayml/sdk-python src/runwayml/types/video_to_video_create_params.py at c604e0e
        // (2026-07-27, generated from Runway's OpenAPI; runwayml/sdk-node src/resources/video-to-video.ts at ecb7e33 agrees):
        // class Variant0 — model "aleph2" (required), videoUri (required: "A HTTPS URL, Runway upload URI, or base64 data
        // URI … up to 16MB"), promptText ("non-empty and optional"), keyframes (≤ 5, {uri, seconds|at}), ratio, seed,
        // contentModeration {publicFigureThreshold auto|low}, targetAspectRatio (outpaint). [runway-home]
        // docs.dev.runwayml.com/index.md: "Aleph 2.0 is now available. Edit existing videos with text prompts and keyframe
        // images." [runway-inputs] docs.dev.runwayml.com/assets/inputs: a video by URL ≤ 32 MB, as a data URI ≤ 16 MB.
        new ModelEntry
        {
            Id = "runway-aleph-2",
            DisplayName = "Runway Aleph 2.0",
            Provider = ModelProvider.Runway,
            Kind = ModelKind.Video,
            // POST /v1/video_to_video [runway-v2v]. It edits a given video, so From Animation only. No duration field: the
            // clip is as long as the video. No ratio is sent (a free string in the schema, undocumented): the video sets the frame.
            Endpoints = Ep((VisualizerMode.FromAnimation, new("/v1/video_to_video", new RequestFields
            {
                Prompt = "promptText",
                Constants = new Dictionary<string, object> { ["model"] = "aleph2" },
                Duration = null,
                Seed = "seed",
                // "Timed guidance images placed at specific points in the input video. Up to 5 keyframes." [runway-v2v]
                // Variant0KeyframeUnionMember0: uri and seconds ("Absolute timestamp in seconds from the start of the input video").
                Keyframes = "keyframes",
                KeyframeImage = "uri",
                KeyframeSeconds = "seconds",
            }))),
            Inputs = new ModelInputs
            {
                // The user's own start and end frames, as keyframes at the guide's first and last frame [runway-v2v].
                StartFrame = true,
                EndFrame = true,
                MaxTimedKeyframes = 5,
                GuideVideo = new GuideVideoSpec
                {
                    // A restyle keeps the source's motion and structure, so it gets the shaded pass (what the shot looks like).
                    Pass = GuidePass.Shaded,
                    Field = "videoUri",
                    // Input video 2–30 s at 30 fps or less (docs.comfy.org RunwayAleph2VideoToVideoNode, 3rd-party; the Comfy
                    // router's aleph2 schema: "must be no longer than 30 seconds"); 24–30 fps (pexo.ai Aleph 2.0 key facts,
                    // 3rd-party). Frames/fps is the video's length: 60 frames = 2.0 s at 30 fps, 720 = 30.0 s at 24 fps.
                    MinFrames = 60,
                    MaxFrames = 720,
                    MinFps = 24,
                    MaxFps = 30,
                    PreferredFps = 24,
                    // "clips up to 30 seconds at 1080p" (runware.ai Runway Aleph 2.0 page, 3rd-party).
                    MaxLongEdge = 1920,
                    Source = "runwayml/sdk-python video_to_video_create_params.py (aleph2, videoUri); 2–30 s at ≤ 30 fps (docs.comfy.org Aleph2 node, 3rd-party)",
                },
            },
            // Any aspect: the output keeps the frame of the video it edits (rendered at the shot's aspect).
            Aspects = [],
            // Not sent (no resolution field): sizes the guide video, 720p to preview, 1080p for finals (3rd-party limit above).
            Resolutions = Res("720p", "1080p"),
            Audio = AudioSupport.None,
            // "A non-empty string, up to 1000 characters" (docs.comfy.org router aleph2 schema and Cloudflare's aleph-2
            // schema, 3rd-party; Runway's SDK states no limit).
            MaxPromptLength = 1000,
            // 28 credits per second of video (inference.sh runway/aleph-2, 3rd-party; runware.ai: "$0.28 per second") at $0.01
            // a credit (runwayml/skills rw-setup-api-key: "1,000 credits at $0.01/credit"). Seconds rounded up (Previz's
            // conservative reading: Runway's per-second rounding is not documented).
            Pricing = new ModelPricing(BillingRule.PerSecond, [new(PriceRow.AnyResolution, 0.28m)],
                "28 credits/s (3rd-party: inference.sh, runware.ai $0.28/s) × $0.01 a credit (runwayml/skills rw-setup-api-key)"),
            ApiKeyVariable = "RUNWAYML_API_SECRET",
            Source = "runwayml/sdk-python video_to_video_create_params.py (Variant0, aleph2); docs.dev.runwayml.com index (Aleph 2.0) and assets/inputs",
        },

        // ── Seedance 2.0 video-to-video on Runway's API: restyles the shot's shaded pass ─────────────────────
        // Sources: [runway-v2v] (above), class Seedance2 — model "seedance2", promptVideo (required), audio, duration,
        // promptText (≤ 3500), ratio, references (≤ 9 images), referenceVideos, referenceAudio. [runway-skills]
        // runwayml/skills at c5674fd (2026-04-21), skills/rw-integrate-video and rw-api-reference: "Video-to-Video: Transform
        // an existing video guided by a text prompt"; "VTV input requirements: max 15 seconds, max 32 MB, min 720p
        // resolution, MP4 recommended"; seedance2 "36 credits/sec".
        new ModelEntry
        {
            Id = "seedance-2.0-runway-v2v",
            DisplayName = "Seedance 2.0 restyle (Runway)",
            Provider = ModelProvider.Runway,
            Kind = ModelKind.Video,
            // POST /v1/video_to_video, model "seedance2" [runway-v2v]: From Animation only. Neither duration nor ratio is sent
            // (both optional; required only for text/image-to-video [runway-skills]): the video sets length and frame.
            Endpoints = Ep((VisualizerMode.FromAnimation, new("/v1/video_to_video", new RequestFields
            {
                Prompt = "promptText",
                Constants = new Dictionary<string, object> { ["model"] = "seedance2" },
                Duration = null,
                Audio = "audio",
            }))),
            Inputs = new ModelInputs
            {
                GuideVideo = new GuideVideoSpec
                {
                    // "Transform an existing video" [runway-skills]: a restyle, so the shaded pass.
                    Pass = GuidePass.Shaded,
                    Field = "promptVideo",
                    // At most 15 s [runway-skills]: 360 frames = 15.0 s at 24 fps. No input frame rate or shortest length is
                    // documented: Previz sends Seedance's 24 fps and asks at least 4 s (96 frames), its shortest output
                    // (fal bytedance/seedance-2.0 duration 4–15, [fal-seedance2]).
                    MinFrames = 96,
                    MaxFrames = 360,
                    MinFps = 24,
                    MaxFps = 24,
                    PreferredFps = 24,
                    // "min 720p resolution" [runway-skills]; its ratios reach 1920:1080 at 1080p [runway-v2v].
                    MaxLongEdge = 1920,
                    Source = "runwayml/sdk-python video_to_video_create_params.py (Seedance2, promptVideo); runwayml/skills: VTV max 15 s, min 720p",
                },
            },
            Aspects = [],
            // Not sent: sizes the guide, never below the documented 720p minimum.
            Resolutions = Res("720p", "1080p"),
            // audio: "Whether to generate audio for the video" [runway-v2v]; sent explicitly either way.
            Audio = AudioSupport.Optional,
            MaxPromptLength = 3500, // [runway-v2v]
            // 36 credits/s [runway-skills] at $0.01 a credit (runwayml/skills rw-setup-api-key); one rate with or without audio.
            Pricing = new ModelPricing(BillingRule.PerSecond, [new(PriceRow.AnyResolution, 0.36m, 0.36m)],
                "36 credits/s (runwayml/skills rw-api-reference) × $0.01 a credit (runwayml/skills rw-setup-api-key)"),
            ApiKeyVariable = "RUNWAYML_API_SECRET",
            Source = "runwayml/sdk-python video_to_video_create_params.py (Seedance2); runwayml/skills rw-integrate-video, rw-api-reference",
        },

        // ── Luma Ray 3.2 video-to-video on fal: restyles the shot's shaded pass ─────────────────────────────
        // Sources: [fal-ray32-v2v] fal-js@381105e AgentRayV32VideoToVideoInput (luma/agent/ray/v3.2/video-to-video): prompt
        // (required, "how to edit the source video"), video_url (required, "URL of the source video to edit"), start_image_url
        // ("an image to use as the edited video's first frame"), duration "5s"|"10s" (default "5s"), resolution
        // 540p|720p|1080p (default 540p), edit_strength adhere_1…reimagine_3 / auto_controls / controls (each "Leave unset"
        // for Luma's default), keyframes + keyframe_indexes, hdr, exr_export; no aspect_ratio, seed or negative_prompt.
        // [fal-ray32-price] (its llms.txt): $0.72 / $1.08 / $2.16 per 5 s at 540p / 720p / 1080p, twice that for 10 s.
        // [luma-v2v] lumalabs/luma-agents-python@5519263 types/video_edit_options_param.py (Luma's own SDK): "The source
        // video must be 18 seconds or shorter; output duration matches the source."
        new ModelEntry
        {
            Id = "luma-ray-3.2-v2v",
            DisplayName = "Luma Ray 3.2 restyle",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            // It edits a given video, so From Animation only. edit_strength and the controls are left unset (Luma's
            // default): Previz offers no such knob. No aspect field: the video sets the frame.
            Endpoints = Ep((VisualizerMode.FromAnimation, new("luma/agent/ray/v3.2/video-to-video", new RequestFields
            {
                StartImage = "start_image_url",
                DurationFormat = DurationFormat.TextWithSuffix,
                Resolution = "resolution",
            }))),
            Inputs = new ModelInputs
            {
                // start_image_url: "e.g. a restyled version of the source's opening frame to steer the look of the edit"
                // [fal-ray32-v2v]; sent only when the user gives one (a captured render would pull the look back to it).
                StartFrame = true,
                GuideVideo = new GuideVideoSpec
                {
                    // A restyle keeps the source's motion and structure, so it gets the shaded pass.
                    Pass = GuidePass.Shaded,
                    Field = "video_url",
                    // Ray 3.2 works on a 24 fps frame grid, "duration x 24fps: 5s -> 0-120, 10s -> 0-240" (fal-js@381105e
                    // AgentRayV32ImageToVideoInput keyframe_indexes): the guide is sent at 24 fps, at most frames 0…240 =
                    // fal's longest "10s" (Luma itself takes up to 18 s [luma-v2v]). No shortest source is documented
                    // (fal's type, Luma's SDK): 24 frames (1 s) is Previz's floor.
                    MinFrames = 24,
                    MaxFrames = 241,
                    MinFps = 24,
                    MaxFps = 24,
                    PreferredFps = 24,
                    // Largest resolution value 1080p [fal-ray32-v2v]: 1920 px on the long edge at 16:9.
                    MaxLongEdge = 1920,
                    Source = "fal-js endpoints.ts AgentRayV32VideoToVideoInput (video_url, duration 5s|10s, resolution ≤ 1080p); Ray 3.2's 24 fps grid",
                },
            },
            // "5s"|"10s" [fal-ray32-v2v]: the shortest that covers the guide is sent and billed.
            Durations = DurationSpec.Set(5, 10),
            // Any aspect: the edit keeps the frame of the video it edits (rendered at the shot's aspect).
            Aspects = [],
            Resolutions = Res("720p", "1080p"),
            Audio = AudioSupport.None,
            Fps = 24,
            MaxPromptLength = 6000, // [comfy-ray32] (fal states no limit)
            // "For 5s video your request will cost $0.72 for 540p, $1.08 for 720p and $2.16 for 1080p. For 10s, $1.44 at 540p,
            // $2.16 at 720p and $4.32 at 1080p" (fal.ai/models/luma/agent/ray/v3.2/video-to-video/llms.txt): per 5 s clip.
            Pricing = new ModelPricing(BillingRule.PerClip, [new("540p", 0.72m), new("720p", 1.08m), new("1080p", 2.16m)],
                "fal.ai/models/luma/agent/ray/v3.2/video-to-video/llms.txt: $0.72 / $1.08 / $2.16 per 5 s at 540p / 720p / 1080p")
            { ClipSeconds = 5 },
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (AgentRayV32VideoToVideoInput); fal llms.txt price page; luma-agents-python video_edit_options_param.py",
        },

        // ── Luma Ray 3.2 video edit on Luma's own Agents API: restyles the shot's shaded pass ──────────────
        // Sources: [luma-sdk] lumalabs/luma-agents-python@38837df (v0.3.0, the released SDK): api.md (POST /generations);
        // types/generation_create_params.py — prompt (required), model "uni-1"|"uni-1-max"|"ray-3.2" ("ray-3.2 is the public
        // video model for text-to-video, image-to-video, and video-to-video editing"), type "image"|"image_edit"|"video"|
        // "video_edit"|"video_reframe", source (an ImageRef; "video_edit and video_reframe sources also accept source.url or
        // source.data when source.media_type is a video/* MIME"), aspect_ratio, video (VideoOptionsParam); video_options_param.py
        // — duration "5s"|"10s", resolution "540p"|"720p"|"1080p", edit (VideoEditOptionsParam: "Only valid under video.edit
        // when type is video_edit"); video_edit_options_param.py — auto_controls ("the model derives the control schedule
        // from the source video"), strength, controls, keyframes; image_ref_param.py — data ("Base64-encoded image or video
        // data"), media_type ("Required with data"), url ("Publicly accessible …"), generation_id. [luma-sdk-next]
        // lumalabs/luma-agents-python@5519263 (release 0.4.0): "The source video must be 18 seconds or shorter; output duration
        // matches the source." [luma-edit-guide] docs.agents.lumalabs.ai/guides/videos/editing: "auto_controls: true lets the
        // model derive the conditioning schedule from the source video — the recommended default"; a local file goes as
        // "source.url or source.data (+ source.media_type)"; "Output settings like resolution and duration live under video".
        new ModelEntry
        {
            Id = "luma-ray-3.2-edit-luma",
            DisplayName = "Luma Ray 3.2 restyle (Luma)",
            Provider = ModelProvider.Luma,
            Kind = ModelKind.Video,
            // type "video_edit" edits a given video, so From Animation only. The guide has no public URL: it goes inline as
            // source {data, media_type: "video/mp4"} [luma-sdk image_ref_param.py]. auto_controls true is Luma's recommended
            // default [luma-edit-guide]; strength and controls are left unset. No duration (the output matches the source
            // [luma-sdk-next]) and no aspect_ratio (the source sets the frame).
            Endpoints = Ep((VisualizerMode.FromAnimation, new("generations", new RequestFields
            {
                Constants = new Dictionary<string, object>
                {
                    ["model"] = "ray-3.2",
                    ["type"] = "video_edit",
                    ["/video/edit/auto_controls"] = true,
                },
                Duration = null,
                Resolution = "/video/resolution",
            }))),
            Inputs = new ModelInputs
            {
                GuideVideo = new GuideVideoSpec
                {
                    // A restyle keeps the source's motion and structure, so it gets the shaded pass.
                    Pass = GuidePass.Shaded,
                    Field = "source",
                    // At most 18 s [luma-sdk-next]: 433 frames = 18.0 s at 24 fps, Ray 3.2's frame grid ("in the duration x
                    // 24fps grid", [luma-sdk-next] video_options_param.py keyframe_indexes). No shortest source and no input
                    // frame rate are documented: Previz sends 24 fps and asks at least 24 frames (1 s).
                    MinFrames = 24,
                    MaxFrames = 433,
                    MinFps = 24,
                    MaxFps = 24,
                    PreferredFps = 24,
                    // Largest resolution "1080p" [luma-sdk video_resolution.py]: 1920 px on the long edge at 16:9.
                    MaxLongEdge = 1920,
                    Source = "luma-agents-python@38837df image_ref_param.py (source data + media_type), video_resolution.py (≤ 1080p); @5519263 video_edit_options_param.py (≤ 18 s)",
                },
            },
            // No duration field is sent: the clip is as long as the guide.
            Aspects = [],
            Resolutions = Res("720p", "1080p"),
            Audio = AudioSupport.None,
            Fps = 24,
            MaxPromptLength = 6000, // [comfy-ray32] (Luma's SDK states no limit)
            // Unverified: Luma's pricing page (docs.agents.lumalabs.ai/guides/pricing) says videos are "priced by request type,
            // resolution, dynamic range, and duration", but no stored copy of it reaches its video table. Until it is read, the
            // estimate uses fal's list price for the same model's edit [fal-ray32-price], $0.72 / $1.08 / $2.16 per started 5 s
            // at 540p / 720p / 1080p; how Luma bills an edit of 5–18 s is not documented either.
            Pricing = new ModelPricing(BillingRule.PerClip, [new("540p", 0.72m), new("720p", 1.08m), new("1080p", 2.16m)],
                "unverified: Luma's own video prices not read; fal's Ray 3.2 edit price ($0.72 / $1.08 / $2.16 per 5 s) as the estimate")
            { ClipSeconds = 5 },
            ApiKeyVariable = LumaKey,
            Source = "lumalabs/luma-agents-python@38837df generation_create_params.py, video_options_param.py, video_edit_options_param.py, image_ref_param.py; @5519263 (18 s); docs.agents.lumalabs.ai guides/videos/editing",
        },

        // ── Kling 2.6 motion control on fal: the shot's shaded pass drives a character's performance ──────────
        // Sources: [fal-kling-mc] fal-js@381105e KlingVideoV26ProMotionControlInput (fal-ai/kling-video/v2.6/pro/motion-control;
        // the standard endpoint's input is the same type): character_orientation (required, "image" | "video": "'video':
        // orientation matches reference video - better for complex motions (max 30s)"), image_url (required, "The characters,
        // backgrounds, and other elements in the generated video are based on this reference image. Characters should have
        // clear body proportions, avoid occlusion, and occupy more than 5% of the image area"), keep_original_sound (default
        // true), prompt (optional), video_url (required, "The character actions in the generated video will be consistent with
        // this reference video ... Duration limit depends on character_orientation: 10s max for 'image', 30s max for
        // 'video'"); output I2VOutput (video). No duration, aspect, resolution, seed or negative_prompt field: the clip is as
        // long as the reference video. fal's docs page (fal.ai/docs/model-api-reference/video-generation-api/
        // kling-video-v2.6-standard.md) shows the same call with image_url, video_url and character_orientation "video".
        new ModelEntry
        {
            Id = "kling-2.6-motion-control",
            // The name is the description the picker shows: it moves a character the way the guide's figure moves.
            DisplayName = "Kling 2.6 motion control (character performance)",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            // It transfers a given video's motion, so From Animation only. character_orientation "video": the clip follows the
            // guide's orientation, motion and camera (the authored shot) and may last up to 30 s [fal-kling-mc].
            // keep_original_sound false: the guide has no sound.
            Endpoints = Ep((VisualizerMode.FromAnimation, new("fal-ai/kling-video/v2.6/pro/motion-control", new RequestFields
            {
                Constants = new Dictionary<string, object>
                {
                    ["character_orientation"] = "video",
                    ["keep_original_sound"] = false,
                },
                StartImage = "image_url",
                Duration = null,
            }))),
            Inputs = new ModelInputs
            {
                // image_url is required [fal-kling-mc]: the user's start frame, else the shot's captured start.
                StartFrame = true,
                GuideVideo = new GuideVideoSpec
                {
                    // The character's performance is read from the guide: the shaded pass shows the figures as they move.
                    Pass = GuidePass.Shaded,
                    Field = "video_url",
                    RequiresStartFrame = true,
                    // At most 30 s with orientation "video" [fal-kling-mc]: 720 frames = a 30.0 s file at 24 fps. fal states no
                    // input frame rate: the guide is sent at 24 fps (Previz's choice, the rate of the other Kling rows). The 3 s
                    // floor (72 frames = 3.0 s) is unverified: fal states none, and Kling's own API reference is in no stored
                    // copy; third-party pages (docs.comfy.org KlingMotionControl: "between 3 and 30 seconds" for "video") give 3 s.
                    MinFrames = 72,
                    MaxFrames = 720,
                    MinFps = 24,
                    MaxFps = 24,
                    PreferredFps = 24,
                    // fal states no size; 1920 px long edge (1080p), inside the 340–3850 px sides third-party pages give.
                    MaxLongEdge = 1920,
                    Source = "fal-js endpoints.ts KlingVideoV26ProMotionControlInput (video_url, character_orientation \"video\": max 30 s); 3 s floor unverified (3rd-party)",
                },
            },
            // Any aspect: with orientation "video" the clip keeps the guide's frame (rendered at the shot's aspect).
            Aspects = [],
            // Not sent (no resolution field): sizes the guide and the start frame, 720p to preview, 1080p for finals.
            Resolutions = Res("720p", "1080p"),
            Audio = AudioSupport.None,
            Fps = 24,
            // 2500 characters: unverified, as the other Kling rows (fal states no limit; Kling's own reference not stored).
            MaxPromptLength = 2500,
            // Unverified: fal's price page for the endpoint (fal.ai/models/fal-ai/kling-video/v2.6/pro/motion-control/llms.txt)
            // is in no stored copy. $0.112 per second is what a third-party repository quotes from it (JavaChrist/Virtual-Humans
            // @8909d8f, "official llms.txt pricing, 2026-08-11"); billed per second of the clip, which is as long as the guide.
            Pricing = new ModelPricing(BillingRule.PerSecond, [new(PriceRow.AnyResolution, 0.112m)],
                "unverified: $0.112/s as quoted from fal's llms.txt by a third party (JavaChrist/Virtual-Humans); fal's own price page not stored"),
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (KlingVideoV26ProMotionControlInput); fal docs kling-video-v2.6-standard.md; price and 3 s floor unverified",
        },

        // ── Gemini Omni Flash on fal: a start frame animated, or the shot's shaded pass edited ──────────────
        // Sources: [fal-omni] fal-js@381105e EndpointTypeMap: google/gemini-omni-flash (GeminiOmniFlashInput, text-to-video),
        // google/gemini-omni-flash/image-to-video (OmniFlashImageToVideoInput: prompt and image_url required, "URL of the input
        // image to animate"; aspect_ratio "16:9" | "9:16", default "16:9"; duration, default 8), …/reference-to-video
        // (OmniFlashReferenceToVideoInput: prompt, image_urls required, aspect_ratio, duration) and …/edit
        // (OmniFlashVideoEditInput: prompt required, "A simple instruction describing the edit ... add "Keep everything else
        // the same." to preserve the rest of the scene. Voice editing is not supported"; video_url required, "Note: editing
        // uploaded videos is not available for users in the European Economic Area (EEA), Switzerland, and the United
        // Kingdom"); every output I2VOutput (video). No seed, negative_prompt, resolution or audio field on any of them.
        // [fal-omni-llms] fal.ai/models/google/gemini-omni-flash/image-to-video/llms.txt (and the text-to-video, reference-to-video
        // and edit pages): duration "integer", "Range: 3 to 10"; i2v "Animates a still image into video with audio"; "Billing is
        // based on total token consumption. Input tokens (text/audio/video) cost $1.875 per 1 million tokens. Output tokens cost
        // $21.875 per 1 million tokens. For 720p video this costs approximately $0.13 per second of video" (t2v page: $0.125).
        // [google-omni] docs.cloud.google.com/gemini-enterprise-agent-platform/models/gemini/omni-flash-preview (Google's page
        // for gemini-omni-flash-preview): "Maximum video length (with audio): 10 seconds", "Supported resolutions: 720p",
        // aspect ratios 16:9 and 9:16. fal does not say which Google model version its endpoints run.
        new ModelEntry
        {
            Id = "gemini-omni-flash",
            DisplayName = "Gemini Omni Flash",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            // Start Frame: image-to-video animates the start frame [fal-omni]. From Animation: edit restyles the shot's shaded
            // pass and keeps its motion; it takes no length (the clip follows the video), no aspect and no picture.
            // No Start + End: no endpoint takes a last frame. Object references go to reference-to-video in Start Frame
            // when asked for (it takes no start frame); From Animation keeps the guide edit, which takes no pictures.
            Endpoints = Ep(
                (VisualizerMode.StartFrame, new("google/gemini-omni-flash/image-to-video", new RequestFields
                {
                    StartImage = "image_url",
                    DurationFormat = DurationFormat.Number,
                    AspectRatio = "aspect_ratio",
                })),
                (VisualizerMode.FromAnimation, new("google/gemini-omni-flash/edit", new RequestFields { Duration = null }))),
            Inputs = new ModelInputs
            {
                StartFrame = true,
                // google/gemini-omni-flash/reference-to-video: prompt, image_urls ("URLs of the reference images to incorporate
                // into the video"), aspect_ratio, duration — the image-to-video fields less the frame [fal-js@381105e
                // OmniFlashReferenceToVideoInput]. fal states no count; 10 is Google's "Maximum images per prompt" [google-omni].
                // fal's inline tags (<IMAGE_REF_0>) name pictures, not objects, so no naming line is written.
                ReferenceImages = new ReferenceImageSupport(10, "image_urls", "google/gemini-omni-flash/reference-to-video",
                    "fal-js OmniFlashReferenceToVideoInput (image_urls); at most 10 per Google's page, fal states none"),
                GuideVideo = new GuideVideoSpec
                {
                    // An edit that keeps the video's motion and structure: a restyle, so the shaded pass.
                    Pass = GuidePass.Shaded,
                    Field = "video_url",
                    // At most 10 s, unverified on fal: fal states no input length for edit; Google's page for the model gives
                    // 10 s [google-omni] (fal does not name the model version it runs). 240 frames = a 10.0 s file at 24 fps,
                    // so shots up to 9.958 s. That the clip is as long as the video is unverified too: fal's type has no length
                    // field, and only third parties (docs.evolink.ai: "the output follows the input video") say so. The 3 s
                    // floor (72 frames) is Previz's: the shortest clip the other endpoints make ("Range: 3 to 10" [fal-omni-llms]).
                    // fal and Google state no input frame rate: the guide is sent at 24 fps, the rate the output is made at.
                    MinFrames = 72,
                    MaxFrames = 240,
                    MinFps = 24,
                    MaxFps = 24,
                    PreferredFps = 24,
                    // 720p, the one resolution [google-omni]: 1280 px on the long edge.
                    MaxLongEdge = 1280,
                    Source = "fal-js endpoints.ts OmniFlashVideoEditInput (video_url); 10 s unverified on fal (Google Cloud's gemini-omni-flash-preview page; fal states none); 3 s floor Previz's",
                },
            },
            // duration: "integer", "Range: 3 to 10" [fal-omni-llms]; sent as a number (fal-js types it number).
            Durations = DurationSpec.Range(3, 10),
            Aspects = [Landscape, Portrait], // "16:9" | "9:16" [fal-omni]
            // No resolution field; 720p is the one size [google-omni], for both tiers.
            Resolutions = Res("720p", "720p"),
            // Video "with audio" [fal-omni-llms], and no field to turn it off.
            Audio = AudioSupport.Native,
            // Unverified: 24 fps is stated only by a third party (docs.gmicloud.ai gemini-omni-flash-preview: "It produces 24 FPS
            // video"); fal and Google state no rate.
            Fps = 24,
            // fal states no prompt limit (Google: 131,072 input tokens), so none is enforced.
            // fal bills tokens; $0.13 per second of 720p video is fal's own approximation [fal-omni-llms], used per second of
            // the clip (whole seconds rounded up). The edit also bills the input video's tokens ($1.875 per million), which the
            // approximation does not separate. The same figure with sound: the model always makes sound.
            Pricing = new ModelPricing(BillingRule.PerSecond, [new("720p", 0.13m, 0.13m)],
                "fal's approximation: ~$0.13 per second of 720p video (billed by tokens: $21.875/M output, $1.875/M input) — fal.ai/models/google/gemini-omni-flash/image-to-video/llms.txt, …/edit/llms.txt"),
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (OmniFlashImageToVideoInput, OmniFlashReferenceToVideoInput, OmniFlashVideoEditInput); fal llms.txt pages (duration 3–10, price); Google Cloud gemini-omni-flash-preview page (10 s, 720p); 24 fps unverified (3rd-party)",
        },

        // ── Image models (Image mode) ───────────────────────────────────────────────────────────────────
        new ModelEntry
        {
            Id = "direct-render-still",
            DisplayName = "Direct Render still",
            Provider = ModelProvider.DirectRender,
            Kind = ModelKind.Image,
            Resolutions = Res("1280x720", "2560x1440"),
            Pricing = ModelPricing.Free,
            Source = "Previz's own rasterizer: the shaded pass of the shot's first frame.",
        },
        new ModelEntry
        {
            Id = "nano-banana-pro",
            DisplayName = "Nano Banana Pro (Gemini 3 Pro Image)",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Image,
            // fal-ai/nano-banana-pro/edit: image_urls[] (required), aspect_ratio auto|21:9|16:9|3:2|4:3|5:4|1:1|4:5|3:4|2:3|9:16,
            // resolution 1K|2K|4K (default 1K), num_images [fal-js@381105e NanoBananaProEditInput].
            Endpoints = Ep((VisualizerMode.Image, new("fal-ai/nano-banana-pro/edit", new RequestFields
            {
                StartImage = "image_urls",
                StartImageIsList = true,
                Duration = null,
                AspectRatio = "aspect_ratio",
                Resolution = "resolution",
                ImageCount = "num_images",
            }))),
            Inputs = new ModelInputs { StartFrame = true },
            Aspects =
            [
                VendorAspect.Of("21:9", 21, 9), Landscape, VendorAspect.Of("3:2", 3, 2), VendorAspect.Of("4:3", 4, 3), Square,
                VendorAspect.Of("3:4", 3, 4), VendorAspect.Of("2:3", 2, 3), Portrait,
            ],
            Resolutions = Res("1K", "2K"),
            // $0.15 per image: unverified — fal's price page for nano-banana-pro/edit is not in any stored copy (searched
            // fal.ai/models and fal.ai/docs; only fal's Nano Banana 2 page, $0.08, and 3rd-party resellers turned up).
            Pricing = new ModelPricing(BillingRule.PerImage, [new("1K", 0.15m), new("2K", 0.15m)], "fal $0.15/image (unverified)"),
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (NanoBananaProEditInput)",
        },
        new ModelEntry
        {
            Id = "flux-kontext-pro",
            DisplayName = "FLUX.1 Kontext [pro]",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Image,
            Endpoints = Ep((VisualizerMode.Image, new("fal-ai/flux-pro/kontext", new RequestFields
            {
                StartImage = "image_url", Duration = null, AspectRatio = "aspect_ratio", Seed = "seed", ImageCount = "num_images",
            }))),
            Inputs = new ModelInputs { StartFrame = true },
            // aspect_ratio 21:9|16:9|4:3|3:2|1:1|2:3|3:4|9:16|9:21 [fal-js@381105e FluxKontextInput]; Previz offers six of them.
            Aspects = [VendorAspect.Of("21:9", 21, 9), Landscape, VendorAspect.Of("4:3", 4, 3), Square, VendorAspect.Of("3:4", 3, 4), Portrait],
            // ~1 megapixel whatever the tier: unverified — a display label (nothing is sent for it); fal's schema has no size
            // field and states no output size (3rd-party: docs.apiyi.com "1 megapixel images").
            Resolutions = Res("1MP", "1MP"),
            // "Price: $0.04 per images" (fal.ai/models/fal-ai/flux-pro/kontext/llms.txt).
            Pricing = new ModelPricing(BillingRule.PerImage, [new(PriceRow.AnyResolution, 0.04m)], "fal.ai/models/fal-ai/flux-pro/kontext/llms.txt: $0.04/image"),
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (FluxKontextInput: image_url, aspect_ratio, seed, num_images); fal llms.txt price page",
        },
        new ModelEntry
        {
            Id = "imagen-4",
            DisplayName = "Imagen 4",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Image,
            // fal-ai/imagen4/preview: text to image only; prompt, aspect_ratio 1:1|16:9|9:16|4:3|3:4, resolution 1K|2K, seed,
            // num_images, and no negative_prompt (was sent) [fal-ai/fal-js@2d757df:libs/client/src/types/endpoints.ts
            // Imagen4PreviewInput]. Unverified that it still runs: fal's newer type list (fal-js@381105e, 2026-08) no longer has
            // any imagen4 endpoint, and Google shut the Imagen 4 models on the Gemini API on 2026-08-17
            // (ai.google.dev/gemini-api/docs/changelog, 2026-06-15); no fal page says it was retired.
            Endpoints = Ep((VisualizerMode.Image, new("fal-ai/imagen4/preview", new RequestFields
            {
                Duration = null, AspectRatio = "aspect_ratio", Seed = "seed", ImageCount = "num_images",
            }))),
            Inputs = ModelInputs.None,
            Aspects = [Landscape, VendorAspect.Of("4:3", 4, 3), Square, VendorAspect.Of("3:4", 3, 4), Portrait],
            Resolutions = Res("1K", "1K"),
            // $0.05 per image: unverified — no fal price page for imagen4/preview is in any stored copy.
            Pricing = new ModelPricing(BillingRule.PerImage, [new(PriceRow.AnyResolution, 0.05m)], "fal $0.05/image (unverified)"),
            ApiKeyVariable = FalKey,
            Source = "fal-js@2d757df endpoints.ts (Imagen4PreviewInput); endpoint absent from fal-js@381105e",
        },
        new ModelEntry
        {
            Id = "seedream-4",
            DisplayName = "Seedream 4.0",
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Image,
            // fal-ai/bytedance/seedream/v4/edit: image_urls[] ("up to 10 image inputs"), image_size square_hd|square|portrait_4_3|
            // portrait_16_9|landscape_4_3|landscape_16_9|auto…, num_images, seed [fal-js@381105e SeedDream4EditInput].
            Endpoints = Ep((VisualizerMode.Image, new("fal-ai/bytedance/seedream/v4/edit", new RequestFields
            {
                StartImage = "image_urls",
                StartImageIsList = true,
                Duration = null,
                AspectRatio = "image_size",
                Seed = "seed",
                ImageCount = "num_images",
            }))),
            Inputs = new ModelInputs { StartFrame = true },
            Aspects =
            [
                VendorAspect.Of("landscape_16_9", 16, 9), VendorAspect.Of("landscape_4_3", 4, 3), VendorAspect.Of("square_hd", 1, 1),
                VendorAspect.Of("portrait_4_3", 3, 4), VendorAspect.Of("portrait_16_9", 9, 16),
            ],
            Resolutions = Res("1K", "2K"),
            // "Price: $0.03 per images" (fal.ai/models/fal-ai/bytedance/seedream/v4/edit/llms.txt).
            Pricing = new ModelPricing(BillingRule.PerImage, [new(PriceRow.AnyResolution, 0.03m)], "fal.ai/models/fal-ai/bytedance/seedream/v4/edit/llms.txt: $0.03/image"),
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (SeedDream4EditInput); fal llms.txt price page",
        },
    ];

    private static ModelEntry Veo(string id, string name, string basePath, ModelPricing pricing, ReferenceImageSupport? references)
    {
        // image-to-video: image_url; first-last-frame-to-video: first_frame_url + last_frame_url. Both: duration "4s"|"6s"|"8s",
        // aspect_ratio auto|16:9|9:16, resolution 720p|1080p|4k, generate_audio (default true), negative_prompt, seed
        // [fal-js@381105e Veo31ImageToVideoInput, Veo31FirstLastFrameToVideoInput; the Fast endpoints use the same types].
        // The comment here said seed and negative_prompt were "not in the schema copies consulted"; fal's own types have both
        // on these two endpoints. They are still not sent: reference-to-video (Veo31ReferenceToVideoInput) has neither, and the
        // reference route reuses these fields (ReferenceSelection.FramelessEndpoint), so sending them needs per-route fields.
        var startFrame = new RequestFields
        {
            StartImage = "image_url",
            DurationFormat = DurationFormat.TextWithSuffix,
            AspectRatio = "aspect_ratio",
            Resolution = "resolution",
            Audio = "generate_audio",
        };
        var firstLast = startFrame with { StartImage = "first_frame_url", EndImage = "last_frame_url" };
        return new ModelEntry
        {
            Id = id,
            DisplayName = name,
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            Endpoints = Ep(
                (VisualizerMode.StartFrame, new($"{basePath}/image-to-video", startFrame)),
                (VisualizerMode.StartEnd, new($"{basePath}/first-last-frame-to-video", firstLast)),
                (VisualizerMode.FromAnimation, new($"{basePath}/first-last-frame-to-video", firstLast))),
            // "Input images up to 8MB in size" (fal model page fal-ai/veo3.1/reference-to-video/api).
            Inputs = new ModelInputs { StartFrame = true, EndFrame = true, ReferenceImages = references, MaxImageBytes = 8_000_000 },
            Durations = DurationSpec.Set(4, 6, 8),
            Aspects = [Landscape, Portrait],
            Resolutions = Res("720p", "1080p"),
            Audio = AudioSupport.Optional,
            AudioDefaultOn = true,
            Fps = 24,
            Pricing = pricing,
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (Veo31ImageToVideoInput, Veo31FirstLastFrameToVideoInput); fal llms.txt price pages",
        };
    }

    private static ModelEntry Kling2(string id, string name, string endpoint, string? tail, string fixedResolution, decimal clipPrice, string priceSource)
    {
        var fields = new RequestFields
        {
            StartImage = "image_url",
            EndImage = tail,
            DurationFormat = DurationFormat.Text,
            NegativePrompt = "negative_prompt",
        };
        var endpoints = tail is null
            ? Ep((VisualizerMode.StartFrame, new(endpoint, fields)), (VisualizerMode.FromAnimation, new(endpoint, fields)))
            : Ep((VisualizerMode.StartFrame, new(endpoint, fields)), (VisualizerMode.StartEnd, new(endpoint, fields)), (VisualizerMode.FromAnimation, new(endpoint, fields)));
        return new ModelEntry
        {
            Id = id,
            DisplayName = name,
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            Endpoints = endpoints,
            Inputs = new ModelInputs { StartFrame = true, EndFrame = tail is not null },
            Durations = DurationSpec.Set(5, 10),
            // No aspect_ratio field on Kling 2.x i2v: the start image sets it; Kling makes 16:9, 9:16 and 1:1.
            Aspects = [Landscape, Portrait, Square],
            Resolutions = Res(fixedResolution, fixedResolution),
            Audio = AudioSupport.None,
            Fps = 24,
            // 2500 characters: unverified — Kling's own API reference is not in any stored copy; fal's schema states no limit.
            MaxPromptLength = 2500,
            // Kling 2.x bills per 5 s clip [MODELS.md]; fal's per-second rate beyond 5 s gives the same totals for 5 and 10 s.
            Pricing = new ModelPricing(BillingRule.PerClip, [new(PriceRow.AnyResolution, clipPrice)], priceSource) { ClipSeconds = 5 },
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (KlingVideoV2MasterImageToVideoInput, KlingVideoV21ProImageToVideoInput); fal llms.txt price pages",
        };
    }

    private static RequestFields KlingStartEndFields(string? aspect) => new()
    {
        StartImage = "start_image_url",
        EndImage = "end_image_url",
        DurationFormat = DurationFormat.Text,
        AspectRatio = aspect,
        Audio = "generate_audio",
        NegativePrompt = "negative_prompt",
    };

    private static ModelEntry Kling3(string id, string name, string endpoint, string resolution, ModelPricing pricing)
    {
        // No aspect_ratio on v3 image-to-video (was sent): "Aspect ratio is determined by the start image, not a parameter"
        // (fal.ai/models/fal-ai/kling-video/v3/pro/image-to-video); fal-js@381105e KlingVideoV34kImageToVideoInput has none.
        var fields = KlingStartEndFields(aspect: null);
        return new ModelEntry
        {
            Id = id,
            DisplayName = name,
            Provider = ModelProvider.Fal,
            Kind = ModelKind.Video,
            Endpoints = Ep(
                (VisualizerMode.StartFrame, new(endpoint, fields)),
                (VisualizerMode.StartEnd, new(endpoint, fields)),
                (VisualizerMode.FromAnimation, new(endpoint, fields))),
            Inputs = new ModelInputs
            {
                StartFrame = true,
                EndFrame = true,
                // elements: frontal_image_url + reference_image_urls per element, named @Element1… in the prompt [fal-kling3,
                // fal-js@381105e KlingV3ComboElementInput]. The most elements per request is stated by neither fal's schema nor
                // its page: 4 is an unverified working limit.
                ReferenceImages = new ReferenceImageSupport(4, "elements", null, "frontal_image_url + reference_image_urls per element; limit unverified")
                {
                    Layout = ReferenceLayout.Elements,
                    // One frontal picture plus "1-3" reference images per element [fal-js@381105e KlingV3ComboElementInput].
                    MaxImagesPerObject = 4,
                    // "Reference in prompt as @Element1, @Element2, etc." [fal-kling3].
                    PromptName = "@Element{0}",
                },
            },
            Durations = DurationSpec.Range(3, 15),
            Aspects = [Landscape, Portrait, Square],
            Resolutions = Res(resolution, resolution),
            Audio = AudioSupport.Optional,
            AudioDefaultOn = true,
            Fps = 24,
            // 2500 characters: unverified for v3 standard/pro — fal says "keep the prompt under 2500 characters" only on its
            // v3 turbo pages (fal.ai/models/fal-ai/kling-video/v3/turbo/pro/image-to-video/llms.txt); Kling's own reference is
            // not in any stored copy.
            MaxPromptLength = 2500,
            Pricing = pricing,
            ApiKeyVariable = FalKey,
            Source = "fal-js@381105e endpoints.ts (KlingVideoV34kImageToVideoInput); fal model page fal-ai/kling-video/v3/standard/image-to-video (copy in edenartlab/eve)",
        };
    }

    private static RequestFields SeedanceFields() => new()
    {
        StartImage = "image_url",
        EndImage = "end_image_url",
        DurationFormat = DurationFormat.Text,
        AspectRatio = "aspect_ratio",
        Resolution = "resolution",
        Audio = "generate_audio",
        // No seed field (was sent) [fal-js@381105e Seedance2I2VInput, Seedance2R2VInput].
    };

    private static RequestFields RunwayFields() => new()
    {
        Prompt = "promptText",
        Constants = new Dictionary<string, object> { ["model"] = "gen4.5" }, // [runway-sdk] model: Literal["gen4.5"]
        StartImage = "promptImage",
        DurationFormat = DurationFormat.Number,
        AspectRatio = "ratio",
        Seed = "seed",
    };

    private static RequestFields LumaKeyframeFields() => new()
    {
        Keyframes = "keyframes",
        KeyframeIndexes = "keyframe_indexes",
        KeyframeFps = 24,
        DurationFormat = DurationFormat.TextWithSuffix,
        AspectRatio = "aspect_ratio",
        Resolution = "resolution",
    };

    private static RequestFields WanVaceDepthFields() => new()
    {
        // [fal-wan-vace-depth]. preprocess false: video_url is already a depth pass. match_input_*: the guide video carries
        // the frame count and rate Previz chose within the limits, so the clip lines up frame for frame with it and the
        // timing is stated once (num_frames / frames_per_second are ignored when these are true, so none is sent).
        Constants = new Dictionary<string, object>
        {
            ["preprocess"] = false,
            ["match_input_num_frames"] = true,
            ["match_input_frames_per_second"] = true,
        },
        StartImage = "first_frame_url",
        Duration = null,
        AspectRatio = "aspect_ratio",
        Resolution = "resolution",
        NegativePrompt = "negative_prompt",
        Seed = "seed",
    };

    // What Luma documented for Ray 3 (start/end keyframes, 5 s / 10 s) [MODELS.md]; no endpoint can be named.
    // lumalabs/luma-agents-python@38837df:src/luma_agents/types/model.py: Model = "uni-1" | "uni-1-max" | "ray-3.2".
    private static ModelEntry LumaUnavailable(string id, string name, string vendorId) => Unavailable(id, name, ModelProvider.Luma, LumaKey,
        DurationSpec.Set(5, 10), AudioSupport.None,
        $"no documented API offers a model named \"{vendorId}\": Luma's SDK types and its Agents API list only \"ray-3.2\" " +
        "(offered here as Luma Ray 3.2), and the legacy Dream Machine API predates Ray 3.",
        "lumalabs/luma-agents-python@38837df types/model.py (models uni-1, uni-1-max, ray-3.2 only)");

    /// <summary>A video model users ask for that no documented API runs yet: listed with the reason, never priced or run.</summary>
    private static ModelEntry Unavailable(string id, string name, ModelProvider provider, string keyVariable, DurationSpec durations,
        AudioSupport audio, string reason, string source) => new()
        {
            Id = id,
            DisplayName = name,
            Provider = provider,
            Kind = ModelKind.Video,
            Inputs = new ModelInputs { StartFrame = true, EndFrame = true },
            Durations = durations,
            Aspects = [Landscape, Portrait, Square],
            Audio = audio,
            Pricing = new ModelPricing(BillingRule.PerSecond, [], "not priced: no documented API offers this model"),
            ApiKeyVariable = keyVariable,
            Availability = ModelAvailability.Unavailable(reason),
            Source = source,
        };
}
