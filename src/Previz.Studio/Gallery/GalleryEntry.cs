using System.Globalization;
using System.Text.Json;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Providers.Generation;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;

namespace Previz.Studio.Gallery;

/// <summary>A gallery item with its provenance read back, and the words the studio shows for it.</summary>
public sealed record GalleryEntry(GalleryItem Item, GenerationProvenance Provenance)
{
    public static GalleryEntry From(GalleryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var provenance = JsonSerializer.Deserialize<GenerationProvenance>(item.ProvenanceJson, StudioJson.Options)
            ?? throw new InvalidOperationException($"Gallery item {item.Id} has no provenance.");
        return new GalleryEntry(item, provenance);
    }

    public Guid Id => Item.Id;

    /// <summary>A still (Image mode: a PNG or JPEG), not a clip.</summary>
    public bool IsStill => IsStillType(Item.ContentType);

    /// <summary>"still" or "clip", as the gallery marks its cards.</summary>
    public string KindText => IsStill ? "still" : "clip";

    public string SceneName => Provenance.SceneName ?? "deleted scene";

    public string ModelName => ModelCatalog.Default.Find(Provenance.ModelId)?.DisplayName ?? Provenance.ModelId;

    /// <summary>"stadium · breakaway · Direct Render".</summary>
    public string Title => $"{SceneName} · {Provenance.ShotId} · {ModelName}";

    /// <summary>Whether a gallery item of <paramref name="contentType"/> is a still.</summary>
    public static bool IsStillType(string? contentType) => contentType is not null && contentType.StartsWith("image/", StringComparison.Ordinal);

    public string DurationText => IsStill ? "still" : string.Create(CultureInfo.InvariantCulture, $"{Provenance.Options.OutputSeconds:0.0#} s");

    /// <summary>The billed cost once recorded, else the estimate; "free" for Direct Render.</summary>
    public string CostText => Provenance.BilledCostUsd is { } billed
        ? CostEstimator.Money(billed) + " billed"
        : Provenance.Estimate.Total > 0 ? CostEstimator.Money(Provenance.Estimate.Total) + " est." : "free";
}
