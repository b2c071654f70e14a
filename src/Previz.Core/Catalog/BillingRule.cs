namespace Previz.Core.Catalog;

/// <summary>How a vendor turns a generation into a bill.</summary>
public enum BillingRule
{
    /// <summary>Nothing to pay (Direct Render).</summary>
    Free,

    /// <summary>Price × seconds of video generated.</summary>
    PerSecond,

    /// <summary>Price per started block of <see cref="ModelPricing.ClipSeconds"/> (e.g. Kling 2.x per 5 s clip).</summary>
    PerClip,

    /// <summary>Price per picture.</summary>
    PerImage,
}
