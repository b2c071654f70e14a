namespace Previz.Core.Prompting;

/// <summary>
/// The user's own words for prompt parts (null keeps the auto-prompt's part) and their sound cues. Edited parts are
/// sent as written and marked as edited in the provenance.
/// </summary>
public sealed record PromptOverrides
{
    public static PromptOverrides None { get; } = new();

    public string? Scene { get; init; }

    public string? Style { get; init; }

    public string? Lighting { get; init; }

    public AudioCues Audio { get; init; } = AudioCues.None;

    /// <summary>
    /// Reads a prompt file: text under a <c>[Style]</c> or <c>[Lighting]</c> header replaces that part; everything else
    /// replaces the Scene part. Parts the file does not mention keep the auto-prompt.
    /// </summary>
    public static PromptOverrides Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scene = new List<string>();
        var style = new List<string>();
        var lighting = new List<string>();
        var sawStyle = false;
        var sawLighting = false;
        var current = scene;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (string.Equals(line.Trim(), PromptSections.Style, StringComparison.OrdinalIgnoreCase))
            {
                current = style;
                sawStyle = true;
            }
            else if (string.Equals(line.Trim(), PromptSections.Lighting, StringComparison.OrdinalIgnoreCase))
            {
                current = lighting;
                sawLighting = true;
            }
            else if (PromptSections.IsHeader(line) && current != scene)
            {
                // Any other header starts scene text again.
                current = scene;
            }

            current.Add(line);
        }

        static string? Join(List<string> lines) => string.Join("\n", lines).Trim() is { Length: > 0 } t ? t : null;
        return new PromptOverrides
        {
            Scene = Join(scene),
            Style = sawStyle ? Join(style) ?? "" : null,
            Lighting = sawLighting ? Join(lighting) ?? "" : null,
        };
    }
}
