using System.Globalization;
using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Core.Scenes;
using Previz.Providers.Configuration;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Providers.Inputs;
using Previz.Providers.Requests;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Providers.Generation;

/// <summary>
/// Turns a <see cref="GenerationSpec"/> into a <see cref="GenerationPlan"/>: resolves and checks the options against the
/// catalog, prices them (and holds them to the budget), checks the key, writes the prompt, renders or reads and fits
/// the pictures the endpoint takes, picks the object references to send, and builds the vendor request. Refusals are
/// typed user errors: <see cref="UnsupportedOptionException"/>, <see cref="ShotTooLongException"/>,
/// <see cref="ModelUnavailableException"/>, <see cref="BudgetExceededException"/>, <see cref="MissingApiKeyException"/>.
/// Nothing is sent anywhere.
/// </summary>
public sealed class GenerationPlanner
{
    private readonly ModelCatalog _catalog;
    private readonly ProviderKeys? _keys;
    private readonly TimeProvider _time;

    /// <summary>Plans against <paramref name="catalog"/>; <paramref name="keys"/> null skips the key check.</summary>
    public GenerationPlanner(ModelCatalog catalog, ProviderKeys? keys, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _keys = keys;
        _time = time ?? TimeProvider.System;
    }

    public async Task<GenerationPlan> PlanAsync(GenerationSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var scene = spec.Scene;
        var model = _catalog.Get(spec.ModelId);
        var shot = scene.FindShot(spec.ShotId)
            ?? throw new UnsupportedOptionException(null, "shot", spec.ShotId ?? "(first)", [.. scene.Shots.Select(s => s.Id)], scene.Shots.Count == 0 ? $"The scene \"{scene.Name}\" has no shots." : null);
        var options = new OptionsResolver(_catalog).Resolve(spec.Mode, model, shot, spec.Options);
        var estimate = CostEstimator.Estimate(options);
        spec.Budget?.EnsureAllows(estimate);

        var notes = new List<string>(options.Notes);
        VendorEndpoint? endpoint = null;
        VendorRoute? route = null;
        if (model.Provider != ModelProvider.DirectRender)
        {
            endpoint = model.Endpoint(spec.Mode)
                ?? throw new InvalidOperationException($"The catalog gives {model.Id} no endpoint for {spec.Mode.Id()}.");
            route = VendorRoute.For(model.Provider, endpoint);
            if (spec.RequireApiKey && _keys is not null && !_keys.IsConfigured(route.Provider))
            {
                throw new MissingApiKeyException(route.Provider, ProviderKeys.VariableName(route.Provider));
            }
        }

        var motion = spec.Mode.IsVideo() ? MotionAnalyzer.Analyze(scene, shot) : null;

        // References: which pictures go, and whether they move the request to a reference endpoint.
        var (referenceDecisions, sent, referenceEndpoint) = await ReferenceSelection.SelectAsync(spec, model, endpoint, cancellationToken);
        if (referenceEndpoint is not null)
        {
            notes.Add($"using {referenceEndpoint.Id} to send object references; it takes no start or end frame, so none is sent");
            endpoint = referenceEndpoint;
        }
        else if (spec.UseReferenceEndpoint && model.Inputs.ReferenceImages?.Endpoint is not null)
        {
            notes.Add("no object reference could be sent, so the frames endpoint is used");
        }

        // Prompt: the auto-prompt with the user's parts, naming elements where the vendor asks for it.
        var draft = PromptDraft.Generate(
            new PromptContext { Scene = scene, Shot = shot, Mode = spec.Mode, Motion = motion, AudioOn = options.Audio, Audio = spec.Prompt.Audio },
            spec.Prompt);
        var naming = model.Inputs.ReferenceImages?.PromptName is { } format && sent.Count > 0
            ? string.Join("; ", sent.Select((o, i) => $"{string.Format(CultureInfo.InvariantCulture, format, i + 1)} is the {o.ObjectName}")) + "."
            : null;
        var prompt = draft.Compose(model.MaxPromptLength, options.Audio, naming);

        // Pictures.
        var inputs = new RequestInputs { Prompt = prompt.Text, Seed = spec.Seed, NegativePrompt = spec.NegativePrompt, References = sent };
        var sources = new Dictionary<Inputs.FittedImage, string>(ReferenceEqualityComparer.Instance);
        if (endpoint is not null)
        {
            inputs = await FramesAsync(spec, model, shot, options, endpoint, motion, inputs, sources, notes, cancellationToken);
        }
        else if (spec.StartFrame is not null || spec.EndFrame is not null)
        {
            notes.Add("Direct Render renders the shot itself: the given start/end frames are not used");
        }

        BuiltRequest? built = null;
        var planned = new List<PlannedInput>();
        if (endpoint is not null)
        {
            built = HostedRequestBuilder.Build(model, endpoint, options, inputs, spec.IdempotencyKey);
            notes.AddRange(built.NotSent.Select(n => "not sent: " + n));
            planned.AddRange(Describe(built, sources, referenceDecisions));
        }

        var provenance = new GenerationProvenance
        {
            PlannedAt = _time.GetUtcNow(),
            SceneName = scene.Name,
            SceneContentHash = spec.SceneContentHash,
            ShotId = shot.Id,
            ShotSeconds = shot.Duration,
            Mode = spec.Mode.Id(),
            ModelId = model.Id,
            ModelName = model.DisplayName,
            Provider = route is null ? "direct-render" : route.Provider.ToString().ToLowerInvariant(),
            VendorEndpoint = endpoint?.Id,
            Options = new ProvenanceOptions(
                options.ClipSeconds, options.OutputSeconds, options.Trimmed, options.OutputAspect.ToString(), options.VendorAspect?.Value,
                options.Resolution.Id(), options.VendorResolution, options.Audio, options.Notes, endpoint is null ? spec.Pass.ToName() : null),
            Prompt = new ProvenancePrompt(prompt.Text, draft.Scene.Text, draft.Style.Text, draft.Lighting.Text, options.Audio ? draft.Audio.Text : "",
                draft.EditedParts, prompt.MaxLength, prompt.Dropped, prompt.Truncated),
            Seed = spec.Seed,
            NegativePrompt = spec.NegativePrompt,
            Inputs = planned,
            References = referenceDecisions,
            Estimate = estimate,
            Notes = notes,
        };

        return new GenerationPlan
        {
            Spec = spec,
            Model = model,
            Shot = shot,
            Options = options,
            Prompt = prompt,
            PromptParts = draft,
            Estimate = estimate,
            Request = built?.Request,
            DirectRender = endpoint is null
                ? new DirectRenderSettings(spec.Pass, options.Resolution == ResolutionTier.Final2K ? ResolutionPreset.TwoK : ResolutionPreset.OneK, options.OutputSeconds, spec.Mode == VisualizerMode.Image)
                : null,
            VendorEndpoint = endpoint?.Id,
            Inputs = planned,
            References = referenceDecisions,
            Notes = notes,
            Provenance = provenance,
        };
    }

    private static async Task<RequestInputs> FramesAsync(
        GenerationSpec spec, ModelEntry model, Shot shot, ResolvedOptions options, VendorEndpoint endpoint, ShotMotion? motion,
        RequestInputs inputs, Dictionary<Inputs.FittedImage, string> sources, List<string> notes, CancellationToken cancellationToken)
    {
        var fields = endpoint.Fields;
        var (width, height) = InputFrameSize.For(options);
        var maxBytes = model.Inputs.MaxImageBytes;
        FrameCapturer? capturer = null;
        var lastFrameTime = Math.Min(options.OutputSeconds, Math.Max(0, (shot.FrameCount - 1) / shot.Fps));

        async Task<Inputs.FittedImage> Fit(FrameSource source)
        {
            var (bytes, name) = await LoadAsync(source);
            var fitted = ImageFitter.FitFrame(bytes, width, height, maxBytes, name);
            sources[fitted] = name;
            return fitted;
        }

        async Task<(byte[] Bytes, string Name)> LoadAsync(FrameSource source)
        {
            switch (source)
            {
                case CapturedFrameSource capture:
                    capturer ??= new FrameCapturer(spec.Scene);
                    var t = capture.ShotTime ?? lastFrameTime;
                    if (t > shot.Duration + 1e-9)
                    {
                        throw new UnsupportedOptionException(model.Id, "capture time", ShotSeconds(t), [$"0–{ShotSeconds(shot.Duration)}"], "A capture must lie within the shot.");
                    }

                    return (await capturer.CaptureAsync(shot, t, width, height, cancellationToken), source.Describe());
                case FileFrameSource file:
                    var path = Path.IsPathRooted(file.Path) ? file.Path : Path.GetFullPath(Path.Combine(spec.SceneFolder ?? Directory.GetCurrentDirectory(), file.Path));
                    if (!File.Exists(path))
                    {
                        throw new UserErrorException($"Frame file not found: {file.Path}");
                    }

                    return (await File.ReadAllBytesAsync(path, cancellationToken), file.Path);
                case BytesFrameSource bytes:
                    return (bytes.Content.ToArray(), bytes.Name);
                default:
                    throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown frame source.");
            }
        }

        var mode = spec.Mode;
        var wantsEnd = mode == VisualizerMode.StartEnd || (mode == VisualizerMode.FromAnimation && model.Inputs.EndFrame);
        if (spec.EndFrame is not null && !wantsEnd)
        {
            notes.Add($"the end frame is not used in {mode.Id()} mode on {model.DisplayName}");
        }

        if (fields.Keyframes is not null && fields.KeyframeIndexes is not null)
        {
            // Luma Ray keyframes: pictures pinned at frame positions of the clip, at the endpoint's keyframe rate.
            var lastIndex = Math.Max(1, (int)Math.Round(options.ClipSeconds * fields.KeyframeFps) - 1);
            var times = new List<(double Time, FrameSource Source)> { (0, spec.StartFrame ?? FrameSource.CaptureStart()) };
            if (mode == VisualizerMode.FromAnimation)
            {
                var count = Math.Clamp((int)Math.Ceiling(lastFrameTime) + 1, 2, Math.Max(2, model.Inputs.MaxTimedKeyframes));
                for (var i = 1; i < count; i++)
                {
                    var t = lastFrameTime * i / (count - 1);
                    times.Add((t, i == count - 1 && spec.EndFrame is { } e ? e : FrameSource.Capture(t)));
                }
            }
            else if (mode == VisualizerMode.StartEnd)
            {
                times.Add((lastFrameTime, spec.EndFrame ?? FrameSource.CaptureEnd()));
            }

            var keyframes = new List<TimedKeyframe>();
            foreach (var (t, source) in times)
            {
                var index = Math.Min(lastIndex, (int)Math.Round(t * fields.KeyframeFps, MidpointRounding.AwayFromZero));
                keyframes.Add(new TimedKeyframe(await Fit(source), index, t));
            }

            return inputs with { Keyframes = keyframes };
        }

        if (fields.StartImage is not null)
        {
            inputs = inputs with { StartFrame = await Fit(spec.StartFrame ?? FrameSource.CaptureStart()) };
        }
        else if (spec.StartFrame is not null)
        {
            notes.Add($"the start frame is not used: {endpoint.Id} takes no input image");
        }

        if (wantsEnd && fields.EndImage is not null)
        {
            inputs = inputs with { EndFrame = await Fit(spec.EndFrame ?? FrameSource.CaptureEnd()) };
        }

        if (mode == VisualizerMode.FromAnimation && motion is not null && model.Inputs.CameraParameters == CameraParameterKind.KlingCameraControl)
        {
            inputs = inputs with { CameraControl = KlingCameraControl.From(motion.Camera) };
        }

        return inputs;
    }

    /// <summary>What each sent picture is, where it came from, and how it was fitted.</summary>
    private static IEnumerable<PlannedInput> Describe(BuiltRequest built, Dictionary<Inputs.FittedImage, string> sources, IReadOnlyList<ReferenceDecision> references)
    {
        var sentReferences = references.Where(r => r.Sent).ToList();
        var referenceIndex = 0;
        foreach (var picture in built.Pictures)
        {
            var (file, image) = (picture.File, picture.Image);
            var source = sources.TryGetValue(image, out var described) ? described
                : picture.Role == "reference" && referenceIndex < sentReferences.Count ? sentReferences[referenceIndex++].Path
                : picture.Role;
            yield return new PlannedInput(picture.Role, source, file.Name, file.TargetField, image.Width, image.Height, image.ContentType, image.Content.Length, image.Fitting, picture.FrameIndex);
        }
    }

    private static string ShotSeconds(double s) => string.Create(CultureInfo.InvariantCulture, $"{s:0.###} s");
}
