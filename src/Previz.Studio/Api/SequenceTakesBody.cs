namespace Previz.Studio.Api;

/// <summary>The takes of a sequence: shot id → gallery item id, or null for Direct Render. Shots left out play Direct Render.</summary>
public sealed record SequenceTakesBody(IReadOnlyDictionary<string, Guid?>? Takes);
