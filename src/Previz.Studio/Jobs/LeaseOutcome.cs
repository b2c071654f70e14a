namespace Previz.Studio.Jobs;

/// <summary>Whether a worker got a generation, and if not until when another worker holds it.</summary>
public sealed record LeaseOutcome(bool Acquired, DateTime? HeldUntil);
