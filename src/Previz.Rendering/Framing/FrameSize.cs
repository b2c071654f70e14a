using Previz.Core.Scenes;

namespace Previz.Rendering.Framing;

/// <summary>A frame's size in pixels. Sizes made by <see cref="For(AspectRatio, ResolutionPreset)"/> are even in both
/// dimensions, as yuv420p video needs.</summary>
public readonly record struct FrameSize
{
    public FrameSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 16384);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 16384);
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public int PixelCount => Width * Height;

    /// <summary>
    /// The long edge from the preset, the short edge from the aspect ratio rounded to the nearest even number
    /// (16:9 → 1280×720 or 1920×1080, 9:16 → 720×1280, 2.39:1 → 1280×536).
    /// </summary>
    public static FrameSize For(AspectRatio aspect, ResolutionPreset preset)
    {
        var longEdge = preset.LongEdge();
        var ratio = aspect.Value;
        if (!double.IsFinite(ratio) || ratio <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "The aspect ratio must be positive.");
        }

        var landscape = ratio >= 1;
        var shortEdge = landscape ? longEdge / ratio : longEdge * ratio;
        var even = Math.Max(2, 2 * (int)Math.Round(shortEdge / 2, MidpointRounding.AwayFromZero));
        return landscape ? new FrameSize(longEdge, even) : new FrameSize(even, longEdge);
    }

    public override string ToString() => $"{Width}x{Height}";
}
