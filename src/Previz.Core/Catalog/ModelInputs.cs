namespace Previz.Core.Catalog;

/// <summary>What a model's API accepts besides the prompt.</summary>
public sealed record ModelInputs
{
    public static ModelInputs None { get; } = new();

    /// <summary>Takes a first frame (image-to-video), or for image models an input/structure image.</summary>
    public bool StartFrame { get; init; }

    /// <summary>Takes a last frame as well.</summary>
    public bool EndFrame { get; init; }

    /// <summary>Object reference pictures, if any.</summary>
    public ReferenceImageSupport? ReferenceImages { get; init; }

    /// <summary>The guide video the From Animation endpoint takes (a pass of the shot to follow); null when none.</summary>
    public GuideVideoSpec? GuideVideo { get; init; }

    public CameraParameterKind CameraParameters { get; init; }

    /// <summary>Largest input image file the vendor takes, in bytes; null when it documents none (Previz then caps at 10 MB).</summary>
    public int? MaxImageBytes { get; init; }

    /// <summary>Most keyframe images pinned at frame positions (0 when the API has no timed keyframes).</summary>
    public int MaxTimedKeyframes { get; init; }
}
