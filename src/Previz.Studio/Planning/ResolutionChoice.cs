namespace Previz.Studio.Planning;

/// <summary>A product resolution (<c>1k</c>, <c>2k</c>) and what the model makes for it (<c>720p</c>, …).</summary>
public sealed record ResolutionChoice(string Id, string? VendorResolution);
