using Previz.Studio.Compare;
using Previz.Studio.Persistence;

namespace Previz.Studio.Api;

/// <summary>A take of a compare batch: which model and seed, where it stands, what it costs, and its media once it landed.</summary>
/// <param name="CostUsd">Billed once recorded, else the estimate.</param>
/// <param name="Adherence">The clip's motion-adherence score (0 … 1) when it was measured.</param>
public sealed record CompareTakeDto(
    Guid GenerationId,
    string ModelId,
    string ModelName,
    long? Seed,
    string State,
    string? Error,
    decimal? EstimatedCostUsd,
    decimal? CostUsd,
    Guid? GalleryItemId,
    string? ContentType,
    string? MediaUrl,
    string? PosterUrl,
    double? Adherence)
{
    public static CompareTakeDto From(CompareTake take)
    {
        ArgumentNullException.ThrowIfNull(take);
        var g = take.Generation;
        var item = take.Entry?.Item;
        return new(
            g.Id,
            g.ModelId,
            take.ModelName,
            g.Seed,
            g.State.ToString().ToLowerInvariant(),
            g.Error,
            g.EstimatedCostUsd,
            take.CostUsd,
            item?.Id,
            item?.ContentType,
            item is null ? null : $"/api/gallery/{item.Id}/media",
            item?.PosterPath is null ? null : $"/api/gallery/{item.Id}/poster",
            take.Adherence);
    }

    /// <summary>A take just created (queued, nothing landed yet).</summary>
    public static CompareTakeDto From(GenerationRecord generation) => From(new CompareTake(generation, null));
}
