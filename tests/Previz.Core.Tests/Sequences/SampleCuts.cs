using System.Globalization;
using Previz.Core.Scenes;
using Previz.Core.Sequences;

namespace Previz.Core.Tests.Sequences;

/// <summary>
/// The cut the timeline tests export at each rate: three shots (the second's take 12 frames short, so held; the third's
/// take longer than the shot, so trimmed) and two sound cues that overlap (music from the start, cut at the end, and a
/// door slam in the second shot whose file name has a space).
/// </summary>
internal static class SampleCuts
{
    public static TheoryData<string> Rates() => ["24", "25", "30000/1001", "24000/1001"];

    public static double Fps(string rate) => rate switch
    {
        "30000/1001" => 29.97,
        "24000/1001" => 23.976,
        _ => double.Parse(rate, CultureInfo.InvariantCulture),
    };

    public static Shot Shot(string id, string name, double duration, double fps) =>
        new() { Id = id, Name = name, CameraId = "cam", Duration = duration, Fps = fps };

    public static SequenceCut Build(string rate)
    {
        var fps = Fps(rate);
        var shots = new[] { Shot("s1", "Opening", 2.0, fps), Shot("s2", "Chase", 1.5, fps), Shot("s3", "Reveal & end", 2.5, fps) };
        var frames = shots.Select(s => FrameRate.FromFps(fps).Frames(s.Duration)).ToArray();
        var takes = new Dictionary<string, SequenceTake>
        {
            ["s1"] = new("takes/s1.mp4", "Direct Render · shaded", frames[0], false),
            ["s2"] = new("takes/s2 take 2.mp4", "kling · seed 7", frames[1] - 12, true),
            ["s3"] = new("takes/s3.mp4", "luma · seed 1", frames[2] + 10, false),
        };
        var cues = new[]
        {
            new SoundCuePlacement("Theme", "audio/theme.wav", 0, 10, -6),
            new SoundCuePlacement("Door slam", "audio/door slam.wav", 2.25, 0.5, 3),
        };
        return SequenceCutBuilder.Build("Stadium <night>", shots, takes, cues, 1920, 1080);
    }
}
