namespace Previz.Core.Catalog;

/// <summary>Whether a catalog entry can be run today, and why not.</summary>
public sealed record ModelAvailability(bool IsAvailable, string? Reason)
{
    public static ModelAvailability Available { get; } = new(true, null);

    public static ModelAvailability Unavailable(string reason) => new(false, reason);
}
