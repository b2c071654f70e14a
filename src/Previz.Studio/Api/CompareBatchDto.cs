using Previz.Studio.Compare;

namespace Previz.Studio.Api;

/// <summary>A compare batch: its takes in batch order and where the studio shows them side by side.</summary>
/// <param name="ViewUrl">The gallery's compare view of the batch.</param>
/// <param name="Estimate">The batch's one estimate (when it was just created); null when read back.</param>
public sealed record CompareBatchDto(Guid BatchId, Guid? SceneId, string ShotId, string Mode, decimal TotalUsd, string ViewUrl, IReadOnlyList<CompareTakeDto> Takes, CompareQuote? Estimate)
{
    public static CompareBatchDto From(CompareBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.BatchId, batch.SceneId, batch.ShotId, batch.Mode, batch.TotalUsd, ViewOf(batch.BatchId), [.. batch.Takes.Select(CompareTakeDto.From)], null);
    }

    public static string ViewOf(Guid batchId) => $"/gallery/compare/{batchId}";
}
