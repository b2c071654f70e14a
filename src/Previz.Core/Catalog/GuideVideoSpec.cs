using System.Globalization;

namespace Previz.Core.Catalog;

/// <summary>
/// A model's guide-video input as its vendor documents it: which Direct Render pass it wants, the body field that
/// takes the video, and the frame-count, frame-rate and size limits. From Animation renders that pass of the shot to
/// fit these limits and uploads it.
/// </summary>
public sealed record GuideVideoSpec
{
    public required GuidePass Pass { get; init; }

    /// <summary>The body field that takes the video's URL (<c>video_url</c>).</summary>
    public required string Field { get; init; }

    public required int MinFrames { get; init; }

    public required int MaxFrames { get; init; }

    /// <summary>Whole frame rates the vendor accepts, from <see cref="MinFps"/> to <see cref="MaxFps"/>.</summary>
    public required int MinFps { get; init; }

    public required int MaxFps { get; init; }

    /// <summary>The rate tried first (the model's own, e.g. Wan's 16 fps).</summary>
    public required int PreferredFps { get; init; }

    /// <summary>Longest edge of the guide video in pixels (the model's largest output).</summary>
    public required int MaxLongEdge { get; init; }

    /// <summary>Frame counts are 1 more than a multiple of this (Wan in ComfyUI: 4n + 1); extra frames hold the shot's end.</summary>
    public int FrameStep { get; init; } = 1;

    /// <summary>Width and height are multiples of this (ComfyUI's WanVaceToVideo: 16).</summary>
    public int SizeStep { get; init; } = 2;

    /// <summary>
    /// The endpoint also requires a first frame beside the guide (Kling motion control's <c>image_url</c>, which the
    /// characters and background are taken from): the shot's captured start frame is sent where the user gives none.
    /// False: a first frame goes only where the user gives one.
    /// </summary>
    public bool RequiresStartFrame { get; init; }

    /// <summary>
    /// The model repaints the guide itself (a restyle or video edit: Aleph, Luma's edit, Omni Flash's edit), so the
    /// prompt is an instruction about the guide. Kling's motion control also takes the shaded pass, but only for its
    /// motion: the look comes from its required start frame. Depth and wireframe guides are controls, never repainted.
    /// </summary>
    public bool RepaintsGuide => Pass == GuidePass.Shaded && !RequiresStartFrame;

    /// <summary>Where these facts come from.</summary>
    public required string Source { get; init; }

    /// <summary>The shortest shot a guide can cover (<see cref="MinFrames"/> at <see cref="MaxFps"/>).</summary>
    public double MinSeconds => (MinFrames - 1) / (double)MaxFps;

    /// <summary>The longest shot a guide can cover (<see cref="MaxFrames"/> at <see cref="MinFps"/>).</summary>
    public double MaxSeconds => (MaxFrames - 1) / (double)MinFps;

    /// <summary>
    /// The timing for a shot of <paramref name="shotSeconds"/>: every frame from 0 to the shot's end at the preferred
    /// rate when that count is allowed, else at the nearest whole rate that brings the count within the limits (a faster
    /// rate for a short shot, a slower one for a long shot); null when no allowed rate does.
    /// </summary>
    public GuideTiming? TimingFor(double shotSeconds)
    {
        if (!double.IsFinite(shotSeconds) || shotSeconds <= 0)
        {
            return null;
        }

        var preferred = Count(shotSeconds, PreferredFps);
        var step = preferred < MinFrames ? 1 : -1;
        for (var fps = PreferredFps; fps >= MinFps && fps <= MaxFps; fps += step)
        {
            var frames = Count(shotSeconds, fps);
            if (frames >= MinFrames && frames <= MaxFrames)
            {
                return new GuideTiming(fps, frames);
            }
        }

        return null;
    }

    /// <summary>Frames at times 0, 1/fps, … up to and including the shot's end, rounded up to the frame step.</summary>
    private int Count(double seconds, int fps)
    {
        var frames = (int)Math.Floor((seconds * fps) + 1e-6) + 1;
        return (((frames - 1 + FrameStep - 1) / FrameStep) * FrameStep) + 1;
    }

    public string LimitsText() => string.Create(CultureInfo.InvariantCulture,
        $"{MinFrames}–{MaxFrames} frames at {(MinFps == MaxFps ? $"{MinFps}" : $"{MinFps}–{MaxFps}")} fps, so shots of {MinSeconds:0.0#}–{MaxSeconds:0.0#} s");
}
