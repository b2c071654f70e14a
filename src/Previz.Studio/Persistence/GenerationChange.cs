namespace Previz.Studio.Persistence;

/// <summary>
/// One published change of a generation (state, progress, queue position, or a message), appended in the same
/// transaction as the change itself. Every serve process reads this log in <see cref="Id"/> order, so a change made by
/// any process (a <c>previz worker</c>, another serve on the same data) reaches its subscribers once and in order.
/// </summary>
public sealed class GenerationChange
{
    /// <summary>Assigned by the database, increasing: the order in which every process delivers the changes.</summary>
    public long Id { get; set; }

    public Guid GenerationId { get; set; }

    public GenerationState State { get; set; }

    public double? Progress { get; set; }

    public int? QueuePosition { get; set; }

    public string? Message { get; set; }

    public bool NeedsAttention { get; set; }

    public DateTime At { get; set; }
}
