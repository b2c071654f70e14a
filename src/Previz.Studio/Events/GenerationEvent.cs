using Previz.Studio.Persistence;

namespace Previz.Studio.Events;

/// <summary>A generation changed: a new state, progress, or queue position.</summary>
public sealed record GenerationEvent(
    Guid GenerationId,
    GenerationState State,
    double? Progress,
    int? QueuePosition,
    string? Message,
    bool NeedsAttention,
    DateTime At);
