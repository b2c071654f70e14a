namespace Previz.Studio.Compose;

/// <summary>What the compose tools act on: an object or a camera, by id.</summary>
public sealed record ComposeTarget(string Id, ComposeTargetKind Kind);
