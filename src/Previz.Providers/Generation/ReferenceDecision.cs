namespace Previz.Providers.Generation;

/// <summary>What happened to one reference picture of an object: sent, or dropped and why.</summary>
public sealed record ReferenceDecision(string ObjectId, string ObjectName, bool Hero, string Path, string? View, bool Sent, string? Reason);
