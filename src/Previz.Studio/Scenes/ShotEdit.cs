namespace Previz.Studio.Scenes;

/// <summary>The editable fields of a shot, as the studio's shot details hold them. Null text removes the field.</summary>
public sealed record ShotEdit(string ShotId, string? Name, string? Description, double Duration, double? FocalLengthMm, string Aspect);
