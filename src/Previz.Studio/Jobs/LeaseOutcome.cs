namespace Previz.Studio.Jobs;

/// <summary>
/// Whether a worker got a generation (<see cref="Held"/>, its record read in the same statement); if not, until when
/// another worker holds it, or <see cref="Finished"/> when there is nothing left to do (the generation is terminal or gone).
/// </summary>
public sealed record LeaseOutcome(HeldGeneration? Held, DateTime? HeldUntil, bool Finished = false)
{
    public bool Acquired => Held is not null;
}
