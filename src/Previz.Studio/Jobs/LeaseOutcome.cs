namespace Previz.Studio.Jobs;

/// <summary>
/// Whether a worker got a generation; if not, until when another worker holds it, or <see cref="Finished"/> when there
/// is nothing left to do (the generation is terminal or gone).
/// </summary>
public sealed record LeaseOutcome(bool Acquired, DateTime? HeldUntil, bool Finished = false);
