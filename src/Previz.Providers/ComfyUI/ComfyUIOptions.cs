namespace Previz.Providers.ComfyUI;

/// <summary>
/// The user's ComfyUI server (configuration section <c>Providers:ComfyUI</c>, environment <c>Providers__ComfyUI__Url</c>
/// and <c>Providers__ComfyUI__Workflow</c>).
/// </summary>
public sealed class ComfyUIOptions
{
    public const string SectionName = "Providers:ComfyUI";

    /// <summary>The server's address (ComfyUI listens on http://127.0.0.1:8188 by default); null: ComfyUI models cannot run.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// An API-format workflow file to use instead of the shipped one (Workflows/&lt;endpoint&gt;.json beside the program),
    /// with the same named slots.
    /// </summary>
    public string? Workflow { get; set; }
}
