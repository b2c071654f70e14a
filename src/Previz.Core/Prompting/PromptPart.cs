namespace Previz.Core.Prompting;

/// <summary>The separately editable parts of a prompt.</summary>
public enum PromptPart
{
    Scene,
    Style,
    Lighting,

    /// <summary>Only sent when audio is on.</summary>
    Audio,
}
