namespace Previz.Studio.Planning;

/// <summary>Whether sound can be asked for; when not, why (and which models can).</summary>
public sealed record AudioChoice(bool Supported, bool Default, bool AlwaysOn, string? Reason);
