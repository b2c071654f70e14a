namespace Previz.Studio.Tests.EndToEnd;

/// <summary>What a page's <c>&lt;video&gt;</c> element reports (read with Playwright, which needs settable properties).</summary>
public sealed class PlayerState
{
    public int ReadyState { get; set; }

    public double Duration { get; set; }

    public double CurrentTime { get; set; }

    public string? Error { get; set; }

    public string Source { get; set; } = string.Empty;

    public string CanPlayH264 { get; set; } = string.Empty;
}
