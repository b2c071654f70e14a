using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Core.Scenes;
using Previz.Providers.Inputs;
using Previz.Rendering.Rasterizing;

namespace Previz.Providers.Generation;

/// <summary>What the user asks to generate: the scene and shot, the mode and model, options, prompt edits, frames.</summary>
public sealed record GenerationSpec
{
    public required SceneDocument Scene { get; init; }

    /// <summary>The folder relative paths are read from (object reference pictures, frame files); null: the working folder.</summary>
    public string? SceneFolder { get; init; }

    /// <summary>A hash of the scene file's content (e.g. <c>sha256:…</c>) recorded in the provenance, when the caller has one.</summary>
    public string? SceneContentHash { get; init; }

    /// <summary>The shot; null: the first shot.</summary>
    public string? ShotId { get; init; }

    public VisualizerMode Mode { get; init; } = VisualizerModes.Default;

    public required string ModelId { get; init; }

    public VideoRequestOptions Options { get; init; } = VideoRequestOptions.Defaults;

    public PromptOverrides Prompt { get; init; } = PromptOverrides.None;

    /// <summary>Sent where the endpoint has a seed field; otherwise reported as not sent.</summary>
    public long? Seed { get; init; }

    /// <summary>Sent where the endpoint has a negative prompt field.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>The first frame (or the structure image in Image mode); null: a Direct Render capture of the shot's start.</summary>
    public FrameSource? StartFrame { get; init; }

    /// <summary>The last frame; null: a Direct Render capture of the shot's end where the mode sends one.</summary>
    public FrameSource? EndFrame { get; init; }

    /// <summary>The project's spending cap; null: none.</summary>
    public ProjectBudget? Budget { get; init; }

    /// <summary>Send the objects' reference pictures where the model's endpoint takes them alongside the frames.</summary>
    public bool SendReferences { get; init; } = true;

    /// <summary>
    /// For models whose references go to a separate endpoint that takes no frames (Veo 3.1 reference-to-video,
    /// Seedance 2.0 reference-to-video): use that endpoint, sending the references instead of start/end frames.
    /// </summary>
    public bool UseReferenceEndpoint { get; init; }

    /// <summary>Refuse to plan a hosted model whose key is not configured (<see cref="Errors.MissingApiKeyException"/>).</summary>
    public bool RequireApiKey { get; init; } = true;

    /// <summary>Direct Render's pass (the look of its clip); hosted models ignore it.</summary>
    public RenderPass Pass { get; init; } = RenderPass.Shaded;

    /// <summary>Travels with the request (see <see cref="Hosting.HostedRequest.IdempotencyKey"/>).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary><paramref name="path"/> itself when rooted, else under <see cref="SceneFolder"/> (or the working folder).</summary>
    internal string FullPath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(SceneFolder ?? Directory.GetCurrentDirectory(), path));
}
