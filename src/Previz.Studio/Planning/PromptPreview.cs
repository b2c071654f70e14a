namespace Previz.Studio.Planning;

/// <summary>The prompt a generation would send: its three parts (with the user's edits), and the assembled text.</summary>
/// <param name="Audio">The sound part, when the model makes sound for this request.</param>
/// <param name="Edited">The parts the user wrote (<c>scene</c>, <c>style</c>, <c>lighting</c>).</param>
/// <param name="Dropped">Lines left out to fit the model's limit.</param>
public sealed record PromptPreview(
    string? ModelId,
    string Mode,
    string ShotId,
    string Scene,
    string Style,
    string Lighting,
    string? Audio,
    string Prompt,
    int Length,
    int? MaxLength,
    IReadOnlyList<string> Edited,
    IReadOnlyList<string> Dropped,
    bool Truncated,
    IReadOnlyList<string> Notes);
