namespace Previz.Studio.Sequences;

/// <summary>A gallery clip of a shot, offered as its take.</summary>
/// <param name="GalleryItemId">The clip.</param>
/// <param name="ShotId">The shot it was made of.</param>
/// <param name="Label">"Kling 2.6 Pro · 5 s · 2026-12-07 10:21".</param>
/// <param name="CreatedAt">When it landed in the gallery.</param>
public sealed record TakeOption(Guid GalleryItemId, string ShotId, string Label, DateTime CreatedAt);
