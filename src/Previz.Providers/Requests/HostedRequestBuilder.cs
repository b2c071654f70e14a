using System.Globalization;
using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Options;
using Previz.Providers.Hosting;
using Previz.Providers.Http;
using Previz.Providers.Inputs;

namespace Previz.Providers.Requests;

/// <summary>
/// Builds a vendor request body from the catalog's <see cref="RequestFields"/> of the chosen endpoint: every field
/// name comes from the catalog, a field the endpoint lacks (null) is never sent, and whatever could not be sent is
/// reported. Pictures become <see cref="HostedInputFile"/>s aimed at their field by JSON Pointer, so the client
/// uploads or encodes them and no URL is invented here. A field name that starts with <c>/</c> is a JSON Pointer into
/// a nested body (Luma's <c>/video/resolution</c>); any other name is a top-level key.
/// </summary>
public static class HostedRequestBuilder
{
    // Kling 3 element entries on fal: {frontal_image_url, reference_image_urls[]} (fal model page
    // fal-ai/kling-video/v3/standard/image-to-video, KlingV3ComboElementInput; copy in edenartlab/eve).
    private const string FrontalImageField = "frontal_image_url";
    private const string ElementReferencesField = "reference_image_urls";

    public static BuiltRequest Build(ModelEntry model, VendorEndpoint endpoint, ResolvedOptions options, RequestInputs inputs, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inputs);
        var route = VendorRoute.For(model.Provider, endpoint);
        var f = endpoint.Fields;
        var body = new JsonObject();
        var files = new List<SentPicture>();
        var notSent = new List<string>();

        foreach (var (key, value) in f.Constants)
        {
            // Fields the endpoint always takes with one value (Runway's model: "gen4.5").
            Put(body, key, System.Text.Json.JsonSerializer.SerializeToNode(value));
        }

        if (!string.IsNullOrWhiteSpace(inputs.Prompt))
        {
            Put(body, f.Prompt, inputs.Prompt);
        }

        AddFrames(endpoint, inputs, route, body, files, notSent);
        AddKeyframes(endpoint, inputs.Keyframes, route, body, files, notSent);
        AddClipSettings(model, f, options, body);
        AddSeedAndNegativePrompt(endpoint, inputs, body, notSent);
        if (f.ImageCount is not null)
        {
            Put(body, f.ImageCount, 1);
        }

        AddCameraControl(endpoint, inputs.CameraControl, body, notSent);
        var guide = GuideFile(model, endpoint, inputs.GuideVideo, route, notSent);
        AddGuideSettings(f, guide?.Video, body);
        if (inputs.References.Count > 0)
        {
            AddReferences(model, body, files, inputs.References, route, notSent);
        }

        IReadOnlyList<HostedInputFile> sent = guide is { } g ? [.. files.Select(p => p.File), g.File] : [.. files.Select(p => p.File)];
        var request = new HostedRequest(route.Provider, route.ClientEndpoint, body) { Files = sent, IdempotencyKey = idempotencyKey };
        return new BuiltRequest(request, notSent) { Pictures = files, Guide = guide };
    }

    /// <summary>The guide video as a file for the model's guide field, uploaded like the pictures.</summary>
    private static (HostedInputFile File, GuideVideo Video)? GuideFile(ModelEntry model, VendorEndpoint endpoint, GuideVideo? video, VendorRoute route, List<string> notSent)
    {
        if (video is null)
        {
            return null;
        }

        if (model.Inputs.GuideVideo is not { } spec)
        {
            notSent.Add($"guide video: {endpoint.Id} takes none");
            return null;
        }

        return (new HostedInputFile(video.FileName, GuideVideo.ContentType, video.Content, Pointer(spec.Field), route.Transport), video);
    }

    /// <summary>The guide's size, frame count and rate, where the endpoint has fields for them (a workflow's slots).</summary>
    private static void AddGuideSettings(RequestFields f, GuideVideo? video, JsonObject body)
    {
        if (video is null)
        {
            return;
        }

        foreach (var (field, value) in new[] { (f.GuideWidth, video.Width), (f.GuideHeight, video.Height), (f.GuideFrames, video.Timing.Frames), (f.GuideFps, video.Timing.Fps) })
        {
            if (field is not null)
            {
                Put(body, field, value);
            }
        }
    }

    private static void AddFrames(VendorEndpoint endpoint, RequestInputs inputs, VendorRoute route, JsonObject body, List<SentPicture> files, List<string> notSent)
    {
        var f = endpoint.Fields;
        if (inputs.StartFrame is { } start)
        {
            if (f.StartImage is null)
            {
                notSent.Add($"start frame: {endpoint.Id} takes no start image");
            }
            else if (f.StartImageIsList)
            {
                Put(body, f.StartImage, new JsonArray());
                files.Add(File(start, "start", $"{Pointer(f.StartImage)}/0", route, "start-frame"));
            }
            else
            {
                files.Add(File(start, "start", Pointer(f.StartImage), route, "start-frame"));
            }
        }

        if (inputs.EndFrame is { } end)
        {
            if (f.EndImage is null)
            {
                notSent.Add($"end frame: {endpoint.Id} takes no end image");
            }
            else
            {
                files.Add(File(end, "end", Pointer(f.EndImage), route, "end-frame"));
            }
        }
    }

    private static void AddKeyframes(
        VendorEndpoint endpoint, IReadOnlyList<TimedKeyframe> keyframes, VendorRoute route, JsonObject body, List<SentPicture> files, List<string> notSent)
    {
        if (keyframes.Count == 0)
        {
            return;
        }

        var f = endpoint.Fields;
        if (f.KeyframesAsTimedObjects)
        {
            // Each keyframe an object: its time here, its picture written into it (Runway Aleph 2.0's {uri, seconds}).
            Put(body, f.Keyframes, new JsonArray([.. keyframes.Select(k => (JsonNode)new JsonObject { [f.KeyframeSeconds] = Math.Round(k.ShotTime, 3) })]));
            AddKeyframeFiles(keyframes, i => $"{Pointer(f.Keyframes)}/{i}/{f.KeyframeImage}", route, files);
        }
        else if (f.KeyframesWithIndexes)
        {
            // The pictures in one list, their frame positions in another (Luma Ray 3.2's keyframes and keyframe_indexes).
            Put(body, f.Keyframes, new JsonArray());
            Put(body, f.KeyframeIndexes, new JsonArray([.. keyframes.Select(k => (JsonNode)JsonValue.Create(k.FrameIndex))]));
            AddKeyframeFiles(keyframes, i => $"{Pointer(f.Keyframes)}/{i}", route, files);
        }
        else
        {
            notSent.Add($"{keyframes.Count} keyframes: {endpoint.Id} takes no timed keyframes");
        }
    }

    private static void AddKeyframeFiles(IReadOnlyList<TimedKeyframe> keyframes, Func<int, string> target, VendorRoute route, List<SentPicture> files)
    {
        for (var i = 0; i < keyframes.Count; i++)
        {
            files.Add(File(keyframes[i].Image, string.Create(CultureInfo.InvariantCulture, $"keyframe-{i + 1:00}"), target(i), route, "keyframe") with { FrameIndex = keyframes[i].FrameIndex });
        }
    }

    /// <summary>Duration, aspect ratio, resolution and audio, each where the endpoint has the field.</summary>
    private static void AddClipSettings(ModelEntry model, RequestFields f, ResolvedOptions options, JsonObject body)
    {
        if (options.Mode.IsVideo() && options.ClipSeconds > 0 && f.Duration is not null)
        {
            Put(body, f.Duration, JsonValue.Create(f.FormatDuration((int)Math.Round(options.ClipSeconds))));
        }

        if (options.VendorAspect is { } aspect && f.AspectRatio is not null)
        {
            Put(body, f.AspectRatio, aspect.Value);
        }

        if (options.VendorResolution is { } resolution && f.Resolution is not null)
        {
            Put(body, f.Resolution, resolution);
        }

        if (f.Audio is not null && model.Audio == AudioSupport.Optional && options.Mode.IsVideo())
        {
            // Always explicit: the vendors' default is on, and the estimate was priced for what the user chose.
            Put(body, f.Audio, options.Audio);
        }
    }

    private static void AddSeedAndNegativePrompt(VendorEndpoint endpoint, RequestInputs inputs, JsonObject body, List<string> notSent)
    {
        var f = endpoint.Fields;
        if (inputs.Seed is { } seed)
        {
            if (f.Seed is null)
            {
                notSent.Add(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {endpoint.Id} has no seed field"));
            }
            else
            {
                Put(body, f.Seed, seed);
            }
        }

        if (!string.IsNullOrWhiteSpace(inputs.NegativePrompt))
        {
            if (f.NegativePrompt is null)
            {
                notSent.Add($"negative prompt: {endpoint.Id} has no negative_prompt field");
            }
            else
            {
                Put(body, f.NegativePrompt, inputs.NegativePrompt);
            }
        }
    }

    private static void AddCameraControl(VendorEndpoint endpoint, KlingCameraControl? camera, JsonObject body, List<string> notSent)
    {
        if (camera is null)
        {
            return;
        }

        if (endpoint.Fields.CameraControl is not { } field)
        {
            notSent.Add($"camera control: {endpoint.Id} takes no camera parameters (the motion is described in the prompt)");
            return;
        }

        body[field] = new JsonObject
        {
            ["type"] = camera.Type,
            ["config"] = new JsonObject
            {
                ["horizontal"] = camera.Horizontal,
                ["vertical"] = camera.Vertical,
                ["pan"] = camera.Pan,
                ["tilt"] = camera.Tilt,
                ["roll"] = camera.Roll,
                ["zoom"] = camera.Zoom,
            },
        };
    }

    private static void AddReferences(ModelEntry model, JsonObject body, List<SentPicture> files, IReadOnlyList<ObjectReferences> references, VendorRoute route, List<string> notSent)
    {
        if (model.Inputs.ReferenceImages is not { } support)
        {
            notSent.Add($"object references: {model.DisplayName} takes none");
            return;
        }

        switch (support.Layout)
        {
            case ReferenceLayout.UrlList:
                body[support.Field] = new JsonArray();
                var index = 0;
                foreach (var obj in references)
                {
                    for (var i = 0; i < obj.Images.Count; i++)
                    {
                        files.Add(File(obj.Images[i], RefName(obj, i), string.Create(CultureInfo.InvariantCulture, $"/{support.Field}/{index++}"), route, "reference"));
                    }
                }

                break;
            case ReferenceLayout.Elements:
                var elements = new JsonArray();
                body[support.Field] = elements;
                for (var e = 0; e < references.Count; e++)
                {
                    var obj = references[e];
                    var element = new JsonObject();
                    elements.Add(element);
                    files.Add(File(obj.Images[0], RefName(obj, 0), string.Create(CultureInfo.InvariantCulture, $"/{support.Field}/{e}/{FrontalImageField}"), route, "reference"));
                    if (obj.Images.Count > 1)
                    {
                        element[ElementReferencesField] = new JsonArray();
                        for (var i = 1; i < obj.Images.Count; i++)
                        {
                            files.Add(File(obj.Images[i], RefName(obj, i), string.Create(CultureInfo.InvariantCulture, $"/{support.Field}/{e}/{ElementReferencesField}/{i - 1}"), route, "reference"));
                        }
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown reference layout {support.Layout}.");
        }
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="field"/>: a top-level key, or a JSON Pointer when it starts with <c>/</c>.</summary>
    private static void Put(JsonObject body, string field, JsonNode? value)
    {
        if (field.StartsWith('/'))
        {
            JsonPointer.Set(body, field, value ?? throw new ArgumentNullException(nameof(value), $"No value for {field}."));
        }
        else
        {
            body[field] = value;
        }
    }

    /// <summary>The JSON Pointer of a field name (<c>video_url</c> → <c>/video_url</c>; a pointer stays as it is).</summary>
    private static string Pointer(string field) => field.StartsWith('/') ? field : "/" + field;

    private static string RefName(ObjectReferences obj, int i) => string.Create(CultureInfo.InvariantCulture, $"ref-{Slug(obj.ObjectId)}-{i + 1}");

    private static string Slug(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);

    private static SentPicture File(FittedImage image, string baseName, string pointer, VendorRoute route, string role) =>
        new(new HostedInputFile($"{baseName}.{image.Extension}", image.ContentType, image.Content, pointer, route.Transport), image, role);
}
