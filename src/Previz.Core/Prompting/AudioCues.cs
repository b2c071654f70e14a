namespace Previz.Core.Prompting;

/// <summary>The user's sound for a shot: lines of dialog, sound effects and ambience.</summary>
public sealed record AudioCues(IReadOnlyList<string> Dialog, IReadOnlyList<string> Effects, IReadOnlyList<string> Ambience)
{
    public static AudioCues None { get; } = new([], [], []);

    public bool IsEmpty => Dialog.Count == 0 && Effects.Count == 0 && Ambience.Count == 0;
}
