namespace Previz.Core.Prompting;

/// <summary>
/// The prompt a user reads and edits, in parts. An edited part keeps the user's words through
/// <see cref="Refresh"/> (the scene changed) until the user asks to <see cref="Regenerate"/> that part.
/// </summary>
public sealed record PromptDraft
{
    public required PromptPartState Scene { get; init; }

    public required PromptPartState Style { get; init; }

    public required PromptPartState Lighting { get; init; }

    public required PromptPartState Audio { get; init; }

    public static PromptDraft Generate(PromptContext context) => new()
    {
        Scene = new(PromptGenerator.Scene(context), false),
        Style = new(PromptGenerator.Style(context), false),
        Lighting = new(PromptGenerator.Lighting(context), false),
        Audio = new(PromptGenerator.Audio(context), false),
    };

    /// <summary>The auto-prompt with the user's own words in place of the parts they wrote (see <see cref="Edit"/>).</summary>
    public static PromptDraft Generate(PromptContext context, PromptOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var draft = Generate(context);
        foreach (var (part, text) in new[] { (PromptPart.Scene, overrides.Scene), (PromptPart.Style, overrides.Style), (PromptPart.Lighting, overrides.Lighting) })
        {
            if (text is not null)
            {
                draft = draft.Edit(part, text);
            }
        }

        return draft;
    }

    /// <summary>The names of the parts the user wrote (<c>scene</c>, <c>style</c>, <c>lighting</c>), in that order.</summary>
    public IReadOnlyList<string> EditedParts =>
        [.. new[] { (Scene, "scene"), (Style, "style"), (Lighting, "lighting") }.Where(p => p.Item1.Edited).Select(p => p.Item2)];

    public PromptPartState this[PromptPart part] => part switch
    {
        PromptPart.Scene => Scene,
        PromptPart.Style => Style,
        PromptPart.Lighting => Lighting,
        PromptPart.Audio => Audio,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>The user's own words for a part; they stick until that part is regenerated.</summary>
    public PromptDraft Edit(PromptPart part, string text) => With(part, new PromptPartState(text, true));

    /// <summary>Writes one part afresh from the scene, discarding the user's edit of that part only.</summary>
    public PromptDraft Regenerate(PromptPart part, PromptContext context) =>
        With(part, new PromptPartState(PromptGenerator.Generate(part, context), false));

    /// <summary>Rewrites every part the user has not edited (after the scene or shot changed).</summary>
    public PromptDraft Refresh(PromptContext context)
    {
        var draft = this;
        foreach (var part in Enum.GetValues<PromptPart>())
        {
            if (!this[part].Edited)
            {
                draft = draft.Regenerate(part, context);
            }
        }

        return draft;
    }

    /// <summary>
    /// The prompt to send: Scene, Style, Lighting (and Audio when on), fitted to <paramref name="maxLength"/>.
    /// <paramref name="leadLine"/> (e.g. naming the objects whose reference pictures are sent) goes first, where lines
    /// before any header are kept longest when the prompt is shortened.
    /// </summary>
    public ComposedPrompt Compose(int? maxLength, bool audioOn, string? leadLine = null)
    {
        IEnumerable<string> parts = audioOn ? [Scene.Text, Style.Text, Lighting.Text, Audio.Text] : [Scene.Text, Style.Text, Lighting.Text];
        if (leadLine is not null)
        {
            parts = parts.Prepend(leadLine);
        }

        return PromptComposer.Compose(parts, maxLength);
    }

    private PromptDraft With(PromptPart part, PromptPartState state) => part switch
    {
        PromptPart.Scene => this with { Scene = state },
        PromptPart.Style => this with { Style = state },
        PromptPart.Lighting => this with { Lighting = state },
        PromptPart.Audio => this with { Audio = state },
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };
}
