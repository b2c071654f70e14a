namespace Previz.Core.Prompting;

/// <summary>A named style or lighting look and the words it adds to the prompt.</summary>
public sealed record StylePreset(string Id, string Name, string Text);
