using Previz.Studio.Gallery;
using Previz.Studio.Persistence;

namespace Previz.Studio.Compare;

/// <summary>A take of a compare batch as it stands: its generation and, once it succeeded, its gallery item.</summary>
public sealed record CompareTake(GenerationRecord Generation, GalleryEntry? Entry)
{
    public string ModelName => Core.Catalog.ModelCatalog.Default.Find(Generation.ModelId)?.DisplayName ?? Generation.ModelId;

    /// <summary>The billed cost once recorded, else the estimate.</summary>
    public decimal? CostUsd => Generation.BilledCostUsd ?? Generation.EstimatedCostUsd;

    /// <summary>The motion-adherence score of the finished clip (0 … 1), when it was measured.</summary>
    public double? Adherence => Entry?.Provenance.Adherence?.Score;
}
