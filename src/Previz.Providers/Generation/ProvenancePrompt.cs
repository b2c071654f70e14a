namespace Previz.Providers.Generation;

/// <summary>The prompt as sent, its parts, which parts the user edited, and what was dropped to fit the model's limit.</summary>
public sealed record ProvenancePrompt(
    string Text,
    string Scene,
    string Style,
    string Lighting,
    string Audio,
    IReadOnlyList<string> EditedParts,
    int? MaxLength,
    IReadOnlyList<string> Dropped,
    bool Truncated);
