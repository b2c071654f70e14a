namespace Previz.Core.Catalog;

/// <summary>
/// The pictures for a request, already uploaded or encoded (URLs or data URIs): start and end frames, and for From
/// Animation any rendered in-between keyframes with their times.
/// </summary>
public sealed record FrameInputs(string? StartImage = null, string? EndImage = null)
{
    public IReadOnlyList<TimedFrame> Keyframes { get; init; } = [];
}
