using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Previz.Core.Costs;
using Previz.Rendering.Adherence;

namespace Previz.Providers.Generation;

/// <summary>
/// Where a generated picture or clip came from: scene, shot, mode, model, every option, the prompt and its parts, seed,
/// inputs, references, estimate, vendor endpoint and request id, and what was done to the result. Written beside a
/// file the command line makes, and kept with every gallery item (with the studio's generation, attempt and bill).
/// Never a key.
/// </summary>
public sealed record GenerationProvenance
{
    /// <summary>Format marker of this record.</summary>
    public string Format { get; init; } = "previz-provenance/1";

    public required DateTimeOffset PlannedAt { get; init; }

    public required string SceneName { get; init; }

    public string? SceneContentHash { get; init; }

    public required string ShotId { get; init; }

    public required double ShotSeconds { get; init; }

    public required string Mode { get; init; }

    public required string ModelId { get; init; }

    public required string ModelName { get; init; }

    /// <summary>fal, runway, luma or direct-render.</summary>
    public required string Provider { get; init; }

    /// <summary>The vendor endpoint (fal endpoint id, Runway task path), null for Direct Render.</summary>
    public string? VendorEndpoint { get; init; }

    public required ProvenanceOptions Options { get; init; }

    public required ProvenancePrompt Prompt { get; init; }

    public long? Seed { get; init; }

    public string? NegativePrompt { get; init; }

    public IReadOnlyList<PlannedInput> Inputs { get; init; } = [];

    /// <summary>The guide video sent (pass, size, fps, frames); null when none.</summary>
    public PlannedGuide? Guide { get; init; }

    public IReadOnlyList<ReferenceDecision> References { get; init; } = [];

    public required CostEstimate Estimate { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The vendor's request id, once submitted.</summary>
    public string? RequestId { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The finished file, once written.</summary>
    public FinishedMedia? Output { get; init; }

    /// <summary>The studio's generation that made it (null from the command line).</summary>
    public Guid? GenerationId { get; init; }

    /// <summary>The studio's stored scene (null from the command line).</summary>
    public Guid? SceneId { get; init; }

    /// <summary>The generation this one retried, and which attempt it was.</summary>
    public Guid? RetryOf { get; init; }

    public int? Attempt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>What was billed: vendors report no cost, so the estimate of what was asked for; 0 for Direct Render.</summary>
    public decimal? BilledCostUsd { get; init; }

    /// <summary>Where <see cref="BilledCostUsd"/> comes from.</summary>
    public string? BilledCostSource { get; init; }

    /// <summary>What was done to the result before it was stored, e.g. "streams copied, +faststart".</summary>
    public string? Finishing { get; init; }

    /// <summary>
    /// How closely the clip's camera follows the shot's authored motion, for a clip of From Animation or Start + End
    /// (null when not measured).
    /// </summary>
    public MotionAdherence? Adherence { get; init; }

    private static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Where the provenance of <paramref name="mediaFile"/> is kept: beside it, <c>FILE.mp4.json</c>.</summary>
    public static string PathFor(string mediaFile) => mediaFile + ".json";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GenerationProvenance FromJson(string json) =>
        JsonSerializer.Deserialize<GenerationProvenance>(json, Json) ?? throw new JsonException("The provenance JSON is empty.");

    /// <summary>Writes the JSON to <paramref name="path"/> (replacing it only once complete).</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        var temp = full + ".partial";
        await File.WriteAllTextAsync(temp, ToJson(), cancellationToken);
        File.Move(temp, full, overwrite: true);
    }
}
