using System.Globalization;
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
        var model = _catalog.Get(spec.ModelId);
        var shot = FindShot(spec);
        var options = new OptionsResolver(_catalog).Resolve(spec.Mode, model, shot, spec.Options);
        var estimate = CostEstimator.Estimate(options);
        spec.Budget?.EnsureAllows(estimate);

        var notes = new List<string>(options.Notes);
        var (endpoint, route) = HostedEndpoint(spec, model);
        var motion = spec.Mode.IsVideo() ? MotionAnalyzer.Analyze(spec.Scene, shot) : null;
        var (referenceDecisions, sent, referenceEndpoint) = await ReferenceSelection.SelectAsync(spec, model, endpoint, cancellationToken);
        endpoint = FollowReferenceEndpoint(spec, model, endpoint, referenceEndpoint, notes);
        var (draft, prompt) = WritePrompt(spec, model, shot, options, motion, sent);

        BuiltRequest? built = null;
        IReadOnlyList<PlannedInput> planned = [];
        PlannedGuide? guide = null;
        if (endpoint is not null)
        {
            var frames = new RequestFrames(spec, model, shot, options);
            var inputs = await frames.AddAsync(
                new RequestInputs { Prompt = prompt.Text, Seed = spec.Seed, NegativePrompt = spec.NegativePrompt, References = sent },
                endpoint, motion, notes, cancellationToken);
            built = HostedRequestBuilder.Build(model, endpoint, options, inputs, spec.IdempotencyKey);
            notes.AddRange(built.NotSent.Select(n => "not sent: " + n));
            planned = [.. Describe(built, frames.Sources, referenceDecisions)];
            guide = built.Guide is { } g ? DescribeGuide(g.File, g.Video, shot) : null;
        }
        else if (spec.Mode == VisualizerMode.Image && spec.StartFrame is CapturedFrameSource { ShotTime: { } at } && spec.EndFrame is null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Direct Render still of the shot at {Math.Clamp(at, 0, shot.Duration):0.###} s"));
        }
        else if (spec.StartFrame is not null || spec.EndFrame is not null)
        {
            notes.Add("Direct Render renders the shot itself: the given start/end frames are not used");
        }

        var provenance = new GenerationProvenance
        {
            PlannedAt = _time.GetUtcNow(),
            SceneName = spec.Scene.Name,
            SceneContentHash = spec.SceneContentHash,
            ShotId = shot.Id,
            ShotSeconds = shot.Duration,
            Mode = spec.Mode.Id(),
            ModelId = model.Id,
            ModelName = model.DisplayName,
            Provider = route is null ? "direct-render" : route.Provider.ToString().ToLowerInvariant(),
            VendorEndpoint = endpoint?.Id,
            Options = RecordedOptions(options, endpoint is null ? spec.Pass : null),
            Prompt = RecordedPrompt(draft, prompt, options.Audio),
            Seed = spec.Seed,
            NegativePrompt = spec.NegativePrompt,
            Inputs = planned,
            Guide = guide,
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
            DirectRender = endpoint is null ? DirectRenderOf(spec, options) : null,
            VendorEndpoint = endpoint?.Id,
            Inputs = planned,
            Guide = guide,
            References = referenceDecisions,
            Notes = notes,
            Provenance = provenance,
        };
    }

    private static Shot FindShot(GenerationSpec spec)
    {
        var scene = spec.Scene;
        return scene.FindShot(spec.ShotId)
            ?? throw new UnsupportedOptionException(null, "shot", spec.ShotId ?? "(first)", [.. scene.Shots.Select(s => s.Id)], scene.Shots.Count == 0 ? $"The scene \"{scene.Name}\" has no shots." : null);
    }

    /// <summary>The vendor endpoint and route of a hosted model (both null for Direct Render), refusing a model whose key is missing.</summary>
    private (VendorEndpoint? Endpoint, VendorRoute? Route) HostedEndpoint(GenerationSpec spec, ModelEntry model)
    {
        if (model.Provider == ModelProvider.DirectRender)
        {
            return (null, null);
        }

        var endpoint = model.Endpoint(spec.Mode)
            ?? throw new InvalidOperationException($"The catalog gives {model.Id} no endpoint for {spec.Mode.Id()}.");
        var route = VendorRoute.For(model.Provider, endpoint);
        if (spec.RequireApiKey && _keys is not null && !_keys.IsConfigured(route.Provider))
        {
            throw new MissingApiKeyException(route.Provider, ProviderKeys.VariableName(route.Provider));
        }

        return (endpoint, route);
    }

    /// <summary>The reference endpoint when the selection moved the request there, else <paramref name="endpoint"/>; either way the user is told.</summary>
    private static VendorEndpoint? FollowReferenceEndpoint(
        GenerationSpec spec, ModelEntry model, VendorEndpoint? endpoint, VendorEndpoint? referenceEndpoint, List<string> notes)
    {
        if (referenceEndpoint is not null)
        {
            notes.Add($"using {referenceEndpoint.Id} to send object references; it takes no start or end frame, so none is sent");
            return referenceEndpoint;
        }

        if (spec.UseReferenceEndpoint && model.Inputs.ReferenceImages?.Endpoint is not null)
        {
            notes.Add($"no object reference could be sent, so {endpoint?.Id} is used");
        }

        return endpoint;
    }

    /// <summary>
    /// The auto-prompt with the user's parts, fitted to the model's limit, after the restyle instruction for a model that
    /// repaints its guide and the line naming the sent objects where the vendor asks for it.
    /// </summary>
    private static (PromptDraft Draft, ComposedPrompt Prompt) WritePrompt(
        GenerationSpec spec, ModelEntry model, Shot shot, ResolvedOptions options, ShotMotion? motion, IReadOnlyList<ObjectReferences> sent)
    {
        var draft = PromptDraft.Generate(
            new PromptContext { Scene = spec.Scene, Shot = shot, Mode = spec.Mode, Motion = motion, AudioOn = options.Audio, Audio = spec.Prompt.Audio },
            spec.Prompt);
        var naming = model.Inputs.ReferenceImages?.PromptName is { } format && sent.Count > 0
            ? string.Join("; ", sent.Select((o, i) => $"{string.Format(CultureInfo.InvariantCulture, format, i + 1)} is the {o.ObjectName}")) + "."
            : null;
        string[] lead = [.. new[] { RestyleInstruction.For(model, spec.Mode), naming }.OfType<string>()];
        return (draft, draft.Compose(model.MaxPromptLength, options.Audio, lead.Length == 0 ? null : string.Join("\n", lead)));
    }

    /// <summary>What Direct Render makes; a still is the shot at a <c>capture:SECONDS</c> start frame's time, else its first frame.</summary>
    private static DirectRenderSettings DirectRenderOf(GenerationSpec spec, ResolvedOptions options) =>
        new(spec.Pass, options.Resolution == ResolutionTier.Final2K ? ResolutionPreset.TwoK : ResolutionPreset.OneK, options.OutputSeconds, spec.Mode == VisualizerMode.Image,
            spec.Mode == VisualizerMode.Image && spec.StartFrame is CapturedFrameSource { ShotTime: { } at } ? Math.Max(0, at) : 0);

    /// <param name="pass">Direct Render's pass; null for a hosted model, which has none.</param>
    private static ProvenanceOptions RecordedOptions(ResolvedOptions options, RenderPass? pass) =>
        new(options.ClipSeconds, options.OutputSeconds, options.Trimmed, options.OutputAspect.ToString(), options.VendorAspect?.Value,
            options.Resolution.Id(), options.VendorResolution, options.Audio, options.Notes, pass?.ToName());

    private static ProvenancePrompt RecordedPrompt(PromptDraft draft, ComposedPrompt prompt, bool audio) =>
        new(prompt.Text, draft.Scene.Text, draft.Style.Text, draft.Lighting.Text, audio ? draft.Audio.Text : "",
            draft.EditedParts, prompt.MaxLength, prompt.Dropped, prompt.Truncated);

    private static PlannedGuide DescribeGuide(HostedInputFile file, GuideVideo video, Shot shot)
    {
        var pass = video.Pass.ToString().ToLowerInvariant();
        return new PlannedGuide(pass, $"{pass} pass of shot {shot.Id}", file.Name, file.TargetField, video.Width, video.Height, video.Timing.Fps, video.Timing.Frames, video.Content.Length);
    }

    /// <summary>What each sent picture is, where it came from, and how it was fitted.</summary>
    private static IEnumerable<PlannedInput> Describe(BuiltRequest built, IReadOnlyDictionary<Inputs.FittedImage, string> sources, IReadOnlyList<ReferenceDecision> references)
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
}
