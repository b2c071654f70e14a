namespace Previz.Studio.Api;

/// <summary>A hosted model as listed for a mode.</summary>
public sealed record ModelDto(string Id, string Name, string Provider, bool Available, string? UnavailableReason, string? Guidance);
