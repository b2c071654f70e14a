using System.Text.Json;
using Previz.Providers.Generation;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;

namespace Previz.Studio.Jobs;

/// <summary>
/// A generation's plan as kept in its record (<see cref="GenerationRecord.PlanJson"/>), written and read through this
/// one type: the choices as asked (a rerun plans them again), the pipeline's provenance (resolved options, prompt,
/// estimate, inputs, references, notes), and what to run: the vendor request, files by their stored path, or what
/// Direct Render makes.
/// </summary>
public sealed record StoredPlan
{
    public required ShotChoices Choices { get; init; }

    public required GenerationProvenance Provenance { get; init; }

    public StoredHostedRequest? Request { get; init; }

    public DirectRenderSettings? DirectRender { get; init; }

    /// <summary>For a take of a compare batch: its place in the batch (models in the order asked, seeds within each).</summary>
    public int? TakeIndex { get; init; }

    public static StoredPlan Of(GenerationRecord generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        return JsonSerializer.Deserialize<StoredPlan>(generation.PlanJson, StudioJson.Options)
            ?? throw new InvalidOperationException($"Generation {generation.Id} has an empty plan.");
    }

    public string ToJson() => JsonSerializer.Serialize(this, StudioJson.Options);
}
