using System.Globalization;

namespace Previz.Studio.Components.Visualizer;

/// <summary>
/// What fills a visualizer frame slot. Captures stay relative to the shot ("the shot's start"), so a choice survives
/// switching shots and is rendered from whatever shot is active when the generation starts.
/// </summary>
/// <param name="Id">The image id (SHA-256) or gallery item id.</param>
/// <param name="Seconds">Seconds into the shot (capture) or clip (gallery); null for a gallery item's poster.</param>
public sealed record FrameChoice(FrameChoiceKind Kind, string? Id, double? Seconds, string Label)
{
    public static FrameChoice ShotStart { get; } = new(FrameChoiceKind.ShotStart, null, null, "Shot start");

    public static FrameChoice ShotEnd { get; } = new(FrameChoiceKind.ShotEnd, null, null, "Shot end");

    public static FrameChoice At(double seconds) =>
        new(FrameChoiceKind.CaptureAt, null, seconds, string.Create(CultureInfo.InvariantCulture, $"Shot at {seconds:0.00} s"));

    public static FrameChoice Upload(string imageId, string fileName) => new(FrameChoiceKind.Upload, imageId, null, $"Upload: {fileName}");

    public static FrameChoice FromGallery(Guid itemId, double? seconds, string label) => new(FrameChoiceKind.Gallery, itemId.ToString(), seconds, label);

    /// <summary>A picture of the user's own (an upload or a gallery frame) rather than a capture of the shot.</summary>
    public bool IsPicture => Kind is FrameChoiceKind.Upload or FrameChoiceKind.Gallery;

    /// <summary>The value of <c>options.startFrame</c> / <c>options.endFrame</c> the generation pipeline reads.</summary>
    /// <param name="endSlot">The choice fills the end slot ("capture" there is the shot's last frame).</param>
    public string OptionValue(bool endSlot, double shotSeconds) => Kind switch
    {
        FrameChoiceKind.ShotStart => endSlot ? "capture:0" : "capture",
        FrameChoiceKind.ShotEnd => endSlot ? "capture" : Capture(shotSeconds),
        FrameChoiceKind.CaptureAt => Capture(Math.Clamp(Seconds ?? 0, 0, shotSeconds)),
        FrameChoiceKind.Upload => $"image:{Id}",
        _ => Seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"gallery:{Id}@{s:0.###}") : $"gallery:{Id}",
    };

    /// <summary>A URL of a picture of the choice for the slot's thumbnail (cookie-authenticated like every studio request).</summary>
    public string ThumbnailUrl(Guid sceneId, string shotId, double shotSeconds)
    {
        var t = Kind switch
        {
            FrameChoiceKind.ShotStart => 0,
            FrameChoiceKind.ShotEnd => shotSeconds,
            FrameChoiceKind.CaptureAt => Math.Clamp(Seconds ?? 0, 0, shotSeconds),
            _ => (double?)null,
        };
        return t is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"/api/scenes/{sceneId}/shots/{Uri.EscapeDataString(shotId)}/still?t={seconds:0.###}")
            : Kind == FrameChoiceKind.Upload ? $"/api/images/{Id}" : $"/api/gallery/{Id}/poster";
    }

    private static string Capture(double seconds) => string.Create(CultureInfo.InvariantCulture, $"capture:{seconds:0.###}");
}
