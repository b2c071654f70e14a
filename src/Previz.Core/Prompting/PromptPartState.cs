namespace Previz.Core.Prompting;

/// <summary>The text of one prompt part and whether the user has edited it.</summary>
public sealed record PromptPartState(string Text, bool Edited);
