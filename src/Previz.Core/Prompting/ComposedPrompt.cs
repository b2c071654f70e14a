namespace Previz.Core.Prompting;

/// <summary>The prompt as sent, and what had to go to fit the model's limit.</summary>
public sealed record ComposedPrompt(string Text, int? MaxLength, IReadOnlyList<string> Dropped, bool Truncated)
{
    public int Length => Text.Length;

    public bool Shortened => Dropped.Count > 0 || Truncated;
}
