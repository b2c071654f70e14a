using System.Diagnostics.CodeAnalysis;

namespace Previz.Core.Catalog;

/// <summary>
/// The vendor's request field names and value formats, exactly as its schema spells them; a client builds the
/// request body from these. A null field means the API has no such field and nothing may be sent for it.
/// </summary>
public sealed record RequestFields
{
    public string Prompt { get; init; } = "prompt";

    /// <summary>Fields sent with the same value every time (Runway's <c>model: "gen4.5"</c>).</summary>
    public IReadOnlyDictionary<string, object> Constants { get; init; } = new Dictionary<string, object>();

    public string? StartImage { get; init; }

    /// <summary>The start image goes in a list (<c>image_urls: [url]</c>) rather than a single string.</summary>
    public bool StartImageIsList { get; init; }

    public string? EndImage { get; init; }

    /// <summary>Timed keyframe images (Luma Ray 3.2 on fal: <c>keyframes</c>; Runway Aleph 2.0: <c>keyframes</c>).</summary>
    public string? Keyframes { get; init; }

    /// <summary>Frame positions of <see cref="Keyframes"/> (at <see cref="KeyframeFps"/>), a list beside the pictures' (Luma).</summary>
    public string? KeyframeIndexes { get; init; }

    /// <summary>
    /// Where each keyframe is an object of <see cref="Keyframes"/> rather than a picture: the field of its picture
    /// (Runway Aleph 2.0: <c>uri</c>); its time goes beside it in <see cref="KeyframeSeconds"/>.
    /// </summary>
    public string? KeyframeImage { get; init; }

    /// <summary>The field of a keyframe object's time, in seconds from the start of the video it guides (Runway: <c>seconds</c>).</summary>
    public string? KeyframeSeconds { get; init; }

    public double KeyframeFps { get; init; } = 24;

    /// <summary>The keyframes' pictures go in one list and their frame positions in another (Luma Ray 3.2).</summary>
    [MemberNotNullWhen(true, nameof(Keyframes), nameof(KeyframeIndexes))]
    public bool KeyframesWithIndexes => Keyframes is not null && KeyframeIndexes is not null;

    /// <summary>Each keyframe goes as an object holding its picture and its time in seconds (Runway Aleph 2.0).</summary>
    [MemberNotNullWhen(true, nameof(Keyframes), nameof(KeyframeImage), nameof(KeyframeSeconds))]
    public bool KeyframesAsTimedObjects => Keyframes is not null && KeyframeImage is not null && KeyframeSeconds is not null;

    public string? Duration { get; init; } = "duration";

    public DurationFormat DurationFormat { get; init; } = DurationFormat.Text;

    /// <summary>Aspect ratio field (<c>aspect_ratio</c>, Runway <c>ratio</c>); null when the input image sets it.</summary>
    public string? AspectRatio { get; init; }

    public string? Resolution { get; init; }

    public string? Audio { get; init; }

    public string? NegativePrompt { get; init; }

    public string? Seed { get; init; }

    /// <summary>Kling-style <c>camera_control</c> object; null where the endpoint takes no camera parameters.</summary>
    public string? CameraControl { get; init; }

    /// <summary>Where the guide video's width, height, frame count and rate go (ComfyUI's workflow slots); null: not sent.</summary>
    public string? GuideWidth { get; init; }

    public string? GuideHeight { get; init; }

    public string? GuideFrames { get; init; }

    public string? GuideFps { get; init; }

    /// <summary>Image models: how many pictures to make (<c>num_images</c>).</summary>
    public string? ImageCount { get; init; }

    /// <summary>Formats a clip length the way this API wants it: 5, "5" or "5s".</summary>
    public object FormatDuration(int seconds) => DurationFormat switch
    {
        DurationFormat.Number => seconds,
        DurationFormat.Text => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DurationFormat.TextWithSuffix => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s",
        _ => throw new InvalidOperationException(),
    };
}
