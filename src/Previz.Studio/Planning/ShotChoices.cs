using Previz.Core.Options;
using Previz.Core.Prompting;

namespace Previz.Studio.Planning;

/// <summary>
/// What a user chose for a generation of a shot, read and checked once at the edge (the HTTP API's
/// <see cref="Api.ChoiceParser"/>, or the visualizer panel) and used as is by the prompt preview, the estimate and the
/// plan. Stored with the plan, so a rerun plans exactly these again.
/// </summary>
public sealed record ShotChoices
{
    /// <summary>An uploaded scene.</summary>
    public required Guid SceneId { get; init; }

    /// <summary>A shot of it (default: the first).</summary>
    public string? ShotId { get; init; }

    /// <summary>Visualizer mode id (default: the model's natural mode).</summary>
    public string? Mode { get; init; }

    /// <summary>Catalog model id (<c>direct-render</c> for Previz's own renderer); the prompt preview may leave it out.</summary>
    public string? ModelId { get; init; }

    /// <summary>Duration, aspect or orientation, audio, 1k/2k, accepting a capped duration.</summary>
    public VideoRequestOptions Video { get; init; } = VideoRequestOptions.Defaults;

    /// <summary><c>capture</c>, <c>capture:SECONDS</c>, <c>image:ID</c>, <c>gallery:ID</c> or <c>gallery:ID@SECONDS</c>.</summary>
    public string? StartFrame { get; init; }

    /// <inheritdoc cref="StartFrame"/>
    public string? EndFrame { get; init; }

    /// <summary>Send the objects' reference pictures where the model takes them.</summary>
    public bool SendReferences { get; init; } = true;

    /// <summary>Use the model's reference endpoint (references instead of frames) where it has one.</summary>
    public bool UseReferenceEndpoint { get; init; }

    public string? NegativePrompt { get; init; }

    /// <summary>Direct Render's look: <c>wireframe</c>, <c>shaded</c> (default) or <c>depth</c>.</summary>
    public string? Pass { get; init; }

    /// <summary>The user's own Scene, Style and Lighting parts.</summary>
    public PromptOverrides Prompt { get; init; } = PromptOverrides.None;

    /// <summary>For models that take one.</summary>
    public long? Seed { get; init; }
}
