namespace Previz.Providers.Generation;

/// <summary>The options a generation ran with, as resolved against the model (<c>Pass</c>: Direct Render's look).</summary>
public sealed record ProvenanceOptions(
    double ClipSeconds,
    double OutputSeconds,
    bool Trimmed,
    string Aspect,
    string? VendorAspect,
    string Resolution,
    string? VendorResolution,
    bool Audio,
    IReadOnlyList<string> Notes,
    string? Pass = null);
