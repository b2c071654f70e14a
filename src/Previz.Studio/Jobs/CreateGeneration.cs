using System.Text.Json.Nodes;

namespace Previz.Studio.Jobs;

/// <summary>A request to generate a shot: Direct Render (<c>modelId</c> <c>direct-render</c> or absent) or a hosted model.</summary>
/// <param name="SceneId">An uploaded scene.</param>
/// <param name="ShotId">A shot of it (default: the first).</param>
/// <param name="Mode">Visualizer mode for hosted models.</param>
/// <param name="ModelId">Catalog model id, or <c>direct-render</c>.</param>
/// <param name="Options">Direct Render: <c>pass</c>, <c>resolution</c>. Hosted: the video options.</param>
/// <param name="Prompt">Prompt overrides for hosted models.</param>
/// <param name="Seed">Seed for models that take one.</param>
public sealed record CreateGeneration(Guid SceneId, string? ShotId, string? Mode, string? ModelId, JsonObject? Options, JsonObject? Prompt, long? Seed)
{
    /// <summary>A vendor request to send as given (only with <c>Studio:AllowRawHostedRequests</c>).</summary>
    public StoredHostedRequest? HostedRequest { get; init; }

    /// <summary>With <see cref="HostedRequest"/>: the estimate to record.</summary>
    public decimal? EstimatedCostUsd { get; init; }

    internal Guid? RetryOf { get; init; }

    internal int Attempt { get; init; } = 1;
}
