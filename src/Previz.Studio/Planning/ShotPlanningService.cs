using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Core.Scenes;
using Previz.Providers.Generation;
using Previz.Providers.Inputs;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Studio.Api;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Studio.Planning;

/// <summary>
/// What the studio (HTTP API and web UI alike) asks before starting a hosted generation of a shot: the options a model
/// offers, the prompt it would get, the cost and budget left, and Direct Render stills of the shot. It also turns a
/// create request into the pipeline's <see cref="GenerationSpec"/>, so the preview and the real run read the same
/// choices the same way.
/// </summary>
public sealed class ShotPlanningService
{
    /// <summary>The catalog id of Previz's own renderer, the model a create call without one runs.</summary>
    public const string DirectRenderModelId = "direct-render";

    private readonly SceneStore _scenes;
    private readonly StudioDatabase _database;
    private readonly GalleryService _gallery;
    private readonly MediaStore _media;
    private readonly DataFolder _folder;
    private readonly ModelCatalog _catalog;
    private readonly OptionsResolver _resolver;
    private readonly IConfiguration _configuration;
    private readonly StudioOptions _options;

    public ShotPlanningService(
        SceneStore scenes,
        StudioDatabase database,
        GalleryService gallery,
        MediaStore media,
        DataFolder folder,
        ModelCatalog catalog,
        IConfiguration configuration,
        StudioOptions options)
    {
        _scenes = scenes;
        _database = database;
        _gallery = gallery;
        _media = media;
        _folder = folder;
        _catalog = catalog;
        _resolver = new OptionsResolver(catalog);
        _configuration = configuration;
        _options = options;
    }

    /// <summary>What <see cref="ShotOptionsQuery.ModelId"/> supports for the shot, with the defaults it would use.</summary>
    public async Task<ShotOptions> OptionsAsync(ShotOptionsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (_, _, shot) = await ShotAsync(query.SceneId, query.ShotId, cancellationToken);
        var model = Model(query.ModelId);
        var mode = Mode(query.Mode, model);
        var offer = _resolver.Offer(mode, model, shot);
        var aspect = offer.DefaultVendorAspect?.Value ?? offer.DefaultAspect.ToString();
        var output = mode == VisualizerMode.Image ? 0 : Math.Min(offer.DefaultDuration ?? shot.Duration, shot.Duration);
        var defaults = new OptionDefaults(offer.DefaultDuration, output, aspect, Orientation(offer.DefaultAspect), offer.DefaultResolution.Id(), offer.AudioDefault);
        return new ShotOptions(
            model.Id,
            model.DisplayName,
            mode.Id(),
            shot.Id,
            shot.Duration,
            offer.Durations,
            offer.ShotExceedsMaximum,
            offer.CapSeconds,
            [.. offer.Aspects.Select(a => new OrientationChoice(a.Value, a.Orientation))],
            Audio(mode, model),
            [.. ResolutionTiers.All.Select(t => new ResolutionChoice(t.Id(), model.VendorResolution(t)))],
            defaults,
            offer.Notes,
            model.ApiKeyVariable is { } variable ? new ApiKeyStatus(variable, !string.IsNullOrWhiteSpace(_configuration[variable])) : null);
    }

    /// <summary>The prompt these choices would send: the three parts with the user's edits, and the assembled text.</summary>
    public async Task<PromptPreview> PromptAsync(ShotChoices choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var (_, scene, shot) = await ShotAsync(choices.SceneId, choices.ShotId, cancellationToken);
        var model = choices.ModelId is null ? null : Model(choices.ModelId);
        var mode = Mode(choices.Mode, model);
        var notes = new List<string>();
        var audioOn = false;
        if (model is not null)
        {
            audioOn = _resolver.Resolve(mode, model, shot, choices.Video).Audio;
        }
        else
        {
            notes.Add("no model chosen: the prompt is not fitted to a length limit");
        }

        // Core's one composition, as the planner uses it (which also names the objects whose references it sends).
        var draft = PromptDraft.Generate(
            new PromptContext
            {
                Scene = scene,
                Shot = shot,
                Mode = mode,
                Motion = mode.IsVideo() ? MotionAnalyzer.Analyze(scene, shot) : null,
                AudioOn = audioOn,
                Audio = choices.Prompt.Audio,
            },
            choices.Prompt);
        var restyle = RestyleInstruction.For(model, mode);
        var composed = draft.Compose(model?.MaxPromptLength, audioOn, restyle);
        if (restyle is not null)
        {
            notes.Add("the request starts with the instruction to keep the render's camera and motion: this model repaints the guide video");
        }

        if (model?.Inputs.ReferenceImages?.PromptName is not null && choices.SendReferences && scene.Objects.Any(o => o.References.Count > 0))
        {
            notes.Add("the request starts with a line naming the objects whose reference pictures are sent");
        }

        return new PromptPreview(
            model?.Id, mode.Id(), shot.Id, draft.Scene.Text, draft.Style.Text, draft.Lighting.Text, audioOn ? draft.Audio.Text : null,
            composed.Text, composed.Length, composed.MaxLength, draft.EditedParts, composed.Dropped, composed.Truncated, notes);
    }

    /// <summary>What exactly these choices cost, and the budget left before and after.</summary>
    public async Task<CostQuote> EstimateAsync(ShotChoices choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var (_, _, shot) = await ShotAsync(choices.SceneId, choices.ShotId, cancellationToken);
        var model = Model(choices.ModelId ?? throw new FieldException("modelId", "Choose a model to price."));
        var mode = Mode(choices.Mode, model);
        var options = _resolver.Resolve(mode, model, shot, choices.Video);
        var estimate = CostEstimator.Estimate(options);
        return new CostQuote(
            model.Id,
            mode.Id(),
            shot.Id,
            shot.Duration,
            options.ClipSeconds,
            options.OutputSeconds,
            options.Trimmed,
            options.VendorAspect?.Value ?? options.OutputAspect.ToString(),
            options.Resolution.Id(),
            options.VendorResolution,
            options.Audio,
            JsonNamingPolicy.KebabCaseLower.ConvertName(estimate.Rule.ToString()),
            estimate.Units,
            estimate.UnitName,
            estimate.UnitPrice,
            estimate.Total,
            estimate.Currency,
            estimate.Breakdown,
            options.Notes,
            await BudgetAsync(estimate.Total, cancellationToken));
    }

    /// <summary>The budget (<c>Studio:BudgetUsd</c>) and what is left; null when none is configured.</summary>
    /// <param name="pendingUsd">A cost about to be spent, to say what would be left after it.</param>
    public async Task<BudgetStatus?> BudgetAsync(decimal? pendingUsd, CancellationToken cancellationToken)
    {
        if (_options.BudgetUsd is not { } cap)
        {
            return null;
        }

        var spent = await SpentAsync(cancellationToken);
        var left = Math.Max(0, cap - spent);
        return pendingUsd is { } pending
            ? new BudgetStatus(cap, spent, left, cap - spent - pending, spent + pending <= cap)
            : new BudgetStatus(cap, spent, left, null, null);
    }

    /// <summary>A Direct Render PNG of the shot at a time, cached by scene content, shot, time, pass and resolution.</summary>
    public async Task<StillImage> StillAsync(StillRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (record, scene, shot) = await ShotAsync(request.SceneId, request.ShotId, cancellationToken);
        if (!double.IsFinite(request.Time) || request.Time < 0 || request.Time > shot.Duration + 1e-9)
        {
            throw new FieldException("t", string.Create(CultureInfo.InvariantCulture, $"t must lie within the shot: 0 to {shot.Duration:0.###} s."));
        }

        var passName = request.Pass ?? "shaded";
        if (!RenderPasses.TryParse(passName, out var pass))
        {
            throw new FieldException("pass", $"\"{passName}\" is not a pass; use {string.Join(", ", RenderPasses.Names)}.");
        }

        var resolutionName = request.Resolution ?? "1k";
        if (!ResolutionPresets.TryParse(resolutionName, out var preset))
        {
            throw new FieldException("resolution", $"\"{resolutionName}\" is not a resolution; use {string.Join(", ", ResolutionPresets.Names)}.");
        }

        var time = Math.Min(request.Time, shot.Duration);
        var size = FrameSize.For(shot.Aspect, preset.Value);
        var key = string.Create(CultureInfo.InvariantCulture, $"{record.ContentHash}|{shot.Id}|{time:R}|{pass.Value.ToName()}|{preset.Value.ToName()}");
        var path = await CachedAsync(
            "stills",
            key,
            ".png",
            (temp, ct) => DirectRenderer.RenderStillAsync(scene, shot, time, pass.Value, preset.Value, temp, null, ct),
            cancellationToken);
        return new StillImage(path, size.Width, size.Height);
    }

    /// <summary>
    /// The guide video these choices send in From Animation (the pass, size, rate and length the planner would send),
    /// rendered and cached by scene content and those figures when <paramref name="render"/> is set.
    /// </summary>
    /// <exception cref="FieldException">The model takes no guide video, or the mode is not From Animation.</exception>
    public async Task<GuidePreview> GuideAsync(ShotChoices choices, bool render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var (record, scene, shot) = await ShotAsync(choices.SceneId, choices.ShotId, cancellationToken);
        var model = Model(choices.ModelId ?? throw new FieldException("modelId", "Choose a model whose guide video to show."));
        if (Mode(choices.Mode ?? VisualizerMode.FromAnimation.Id(), model) != VisualizerMode.FromAnimation)
        {
            throw new FieldException("mode", "Guide videos are sent in From Animation only.");
        }

        if (model.Inputs.GuideVideo is not { } guide)
        {
            throw new FieldException("modelId", $"{model.DisplayName} takes no guide video; models that do: {string.Join(", ", _catalog.Models.Where(m => m.Inputs.GuideVideo is not null).Select(m => m.Id))}.");
        }

        var options = _resolver.Resolve(VisualizerMode.FromAnimation, model, shot, choices.Video);
        var timing = options.Guide ?? throw new InvalidOperationException($"{model.Id} takes a guide video but its options have no guide timing.");
        var (width, height) = InputFrameSize.For(options);
        var size = GuideVideoRenderer.Fit(width, height, guide.MaxLongEdge, guide.SizeStep);
        if (!render)
        {
            return new GuidePreview(model.Id, guide.Pass, size.Width, size.Height, timing, null);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{record.ContentHash}|{shot.Id}|{model.Id}|{guide.Pass}|{options.OutputAspect}|{width}x{height}|{timing.Fps}|{timing.Frames}");
        var path = await CachedAsync(
            "guides",
            key,
            ".mp4",
            async (temp, ct) =>
            {
                // The same renderer the planner sends from, so the preview is the guide, not a likeness of it.
                var video = await GuideVideoRenderer.RenderAsync(scene, shot, guide, timing, options.OutputAspect, width, height, null, ct);
                await File.WriteAllBytesAsync(temp, video.Content, ct);
            },
            cancellationToken);
        return new GuidePreview(model.Id, guide.Pass, size.Width, size.Height, timing, path);
    }

    /// <summary>
    /// The file cached under the temp folder's <paramref name="folderName"/> for <paramref name="key"/>, made by
    /// <paramref name="write"/> when missing. It is written aside and moved, so a request racing this one never reads
    /// half a file.
    /// </summary>
    private async Task<string> CachedAsync(string folderName, string key, string extension, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_folder.Temp, folderName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + extension);
        if (!File.Exists(path))
        {
            var temp = Path.Combine(folder, $".{Guid.NewGuid():N}{extension}");
            try
            {
                await write(temp, cancellationToken);
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        }

        return path;
    }

    /// <summary>The pipeline's spec for these choices: model and mode checked, frames found, budget applied.</summary>
    internal async Task<GenerationSpec> SpecAsync(ShotChoices choices, SceneDocument scene, CancellationToken cancellationToken)
    {
        var model = Model(choices.ModelId ?? DirectRenderModelId);
        var mode = Mode(choices.Mode, model);
        RenderPass? pass = RenderPass.Shaded;
        if (choices.Pass is { } passName && !RenderPasses.TryParse(passName, out pass))
        {
            throw new FieldException("options.pass", $"\"{passName}\" is not a pass; use {string.Join(", ", RenderPasses.Names)}.");
        }

        var budget = _options.BudgetUsd is { } cap ? new ProjectBudget(cap, await SpentAsync(cancellationToken)) : null;
        return new GenerationSpec
        {
            Scene = scene,
            // Relative reference pictures of an uploaded scene are looked for in the scene store (and reported dropped when absent).
            SceneFolder = _folder.Scenes,
            ShotId = choices.ShotId,
            Mode = mode,
            ModelId = model.Id,
            Options = choices.Video,
            Prompt = choices.Prompt,
            Seed = choices.Seed,
            NegativePrompt = choices.NegativePrompt,
            StartFrame = await FrameAsync(choices.StartFrame, "options.startFrame", false, cancellationToken),
            EndFrame = await FrameAsync(choices.EndFrame, "options.endFrame", true, cancellationToken),
            Budget = budget,
            SendReferences = choices.SendReferences,
            UseReferenceEndpoint = choices.UseReferenceEndpoint,
            Pass = pass.Value,
            RequireApiKey = true,
        };
    }

    private async Task<decimal> SpentAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.Generations
            .Where(g => g.State != GenerationState.Failed)
            .SumAsync(g => g.BilledCostUsd ?? g.EstimatedCostUsd ?? 0m, cancellationToken);
    }

    /// <summary>
    /// A start or end frame: <c>capture</c> / <c>capture:SECONDS</c> (Direct Render of the shot), <c>image:ID</c> (an upload
    /// from <c>POST /api/images</c>), or <c>gallery:ID</c> (the item's poster) / <c>gallery:ID@SECONDS</c> (its frame then).
    /// </summary>
    private async Task<FrameSource?> FrameAsync(string? text, string field, bool end, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (value.Equals("capture", StringComparison.OrdinalIgnoreCase) || value.StartsWith("capture:", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return FrameSource.Parse(value, end);
            }
            catch (UserErrorException e)
            {
                throw new FieldException(field, e.Message);
            }
        }

        if (value.StartsWith("image:", StringComparison.OrdinalIgnoreCase))
        {
            var id = value["image:".Length..].ToLowerInvariant();
            // Ids are SHA-256 hex: checking the form keeps the lookup inside the images folder.
            var file = id.Length == 64 && id.All(char.IsAsciiHexDigitLower)
                ? Directory.EnumerateFiles(_folder.Images, id + ".*").FirstOrDefault()
                : null;
            return file is null
                ? throw new FieldException(field, $"There is no uploaded image \"{id}\"; upload one with POST /api/images and use its id.")
                : FrameSource.Bytes(await File.ReadAllBytesAsync(file, cancellationToken), $"uploaded image {id[..12]}");
        }

        if (value.StartsWith("gallery:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = value["gallery:".Length..];
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            double? seconds = null;
            if (at >= 0)
            {
                seconds = double.TryParse(rest[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && s >= 0
                    ? s
                    : throw new FieldException(field, $"\"{rest[(at + 1)..]}\" is not a time in seconds (gallery:ID@SECONDS).");
                rest = rest[..at];
            }

            var item = Guid.TryParse(rest, out var itemId) ? await _gallery.FindAsync(itemId, cancellationToken) : null;
            if (item is null)
            {
                throw new FieldException(field, $"There is no gallery item \"{rest}\".");
            }

            if (GalleryEntry.IsStillType(item.ContentType))
            {
                // A still is its own frame, whatever time was asked for: the picture itself, not its small poster.
                return FrameSource.Bytes(await File.ReadAllBytesAsync(_folder.Resolve(item.MediaPath), cancellationToken), $"still {item.Id}");
            }

            if (seconds is null && item.PosterPath is { } poster)
            {
                return FrameSource.Bytes(await File.ReadAllBytesAsync(_folder.Resolve(poster), cancellationToken), $"poster of gallery item {item.Id}");
            }

            var frame = await _media.FrameAsync(item.MediaPath, seconds ?? 0, cancellationToken)
                ?? throw new FieldException(field, string.Create(CultureInfo.InvariantCulture, $"Gallery item {item.Id} has no frame at {seconds ?? 0:0.###} s."));
            return FrameSource.Bytes(frame, string.Create(CultureInfo.InvariantCulture, $"gallery item {item.Id} at {seconds ?? 0:0.###} s"));
        }

        throw new FieldException(field, $"\"{value}\" is not a frame; use capture, capture:SECONDS, image:ID (from POST /api/images), gallery:ID or gallery:ID@SECONDS.");
    }

    /// <summary>A stored scene, read, and its shot (the first when none is named); a field error naming what is missing.</summary>
    internal async Task<(SceneRecord Record, SceneDocument Scene, Shot Shot)> ShotAsync(Guid sceneId, string? shotId, CancellationToken cancellationToken)
    {
        var record = await _scenes.FindAsync(sceneId, cancellationToken)
            ?? throw new FieldException("sceneId", $"There is no scene {sceneId}.");
        var scene = await _scenes.LoadAsync(record, cancellationToken);
        var shot = scene.FindShot(shotId) ?? throw new FieldException("shotId", shotId is null
            ? "The scene has no shots."
            : $"The scene has no shot \"{shotId}\"; it has {string.Join(", ", scene.Shots.Select(s => s.Id))}.");
        return (record, scene, shot);
    }

    private ModelEntry Model(string id) =>
        _catalog.Find(id) ?? throw new FieldException("modelId", $"There is no model \"{id}\"; models: {string.Join(", ", _catalog.Models.Select(m => m.Id))}.");

    internal static VisualizerMode Mode(string? text, ModelEntry? model)
    {
        if (text is null)
        {
            return model?.Kind == ModelKind.Image ? VisualizerMode.Image : VisualizerModes.Default;
        }

        return VisualizerModes.TryParse(text, out var mode)
            ? mode
            : throw new FieldException("mode", $"\"{text}\" is not a mode; use {string.Join(", ", VisualizerModes.All.Select(m => m.Id()))}.");
    }

    private AudioChoice Audio(VisualizerMode mode, ModelEntry model)
    {
        if (mode == VisualizerMode.Image)
        {
            return new AudioChoice(false, false, false, "Image mode makes a still.");
        }

        switch (model.Audio)
        {
            case AudioSupport.Native:
                return new AudioChoice(true, true, true, null);
            case AudioSupport.Optional:
                return new AudioChoice(true, false, false, null);
            default:
                var capable = _catalog.AudioCapable(mode).Select(m => m.Id).ToList();
                return new AudioChoice(false, false, false, capable.Count == 0
                    ? $"{model.DisplayName} makes silent video only."
                    : $"{model.DisplayName} makes silent video only; models that make sound in {mode.Id()}: {string.Join(", ", capable)}.");
        }
    }

    private static string Orientation(AspectRatio aspect) => aspect.Value > 1.01 ? "landscape" : aspect.Value < 0.99 ? "portrait" : "square";
}
