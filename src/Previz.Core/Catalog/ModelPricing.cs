namespace Previz.Core.Catalog;

/// <summary>A model's prices (USD) and billing rule, with where the numbers came from.</summary>
public sealed record ModelPricing(BillingRule Rule, IReadOnlyList<PriceRow> Rows, string Source)
{
    public static ModelPricing Free { get; } = new(BillingRule.Free, [], "Direct Render runs on this machine.");

    /// <summary>For <see cref="BillingRule.PerClip"/>: the length of one billed clip in seconds.</summary>
    public int ClipSeconds { get; init; }

    /// <summary>
    /// For <see cref="BillingRule.PerSecond"/> with a guide video: the vendor counts billed seconds as frames at this
    /// rate (fal's Wan VACE: "Video seconds are calculated at 16 frames per second"); null bills the clip's whole seconds.
    /// </summary>
    public int? FramesPerBilledSecond { get; init; }

    public bool IsKnown => Rule == BillingRule.Free || Rows.Count > 0;

    public PriceRow? RowFor(string? vendorResolution) =>
        Rows.FirstOrDefault(r => string.Equals(r.Resolution, vendorResolution, StringComparison.OrdinalIgnoreCase))
        ?? Rows.FirstOrDefault(r => r.Resolution == PriceRow.AnyResolution);
}
