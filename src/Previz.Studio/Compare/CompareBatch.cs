namespace Previz.Studio.Compare;

/// <summary>A compare batch: its takes in batch order, whatever state each is in.</summary>
public sealed record CompareBatch(Guid BatchId, Guid? SceneId, string? SceneName, string ShotId, string Mode, IReadOnlyList<CompareTake> Takes)
{
    public decimal TotalUsd => Takes.Sum(t => t.CostUsd ?? 0);
}
