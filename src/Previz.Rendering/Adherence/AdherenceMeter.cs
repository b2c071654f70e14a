using System.Globalization;
using Previz.Core;
using Previz.Core.Motion;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;

namespace Previz.Rendering.Adherence;

/// <summary>
/// Measures how closely a clip made of a shot (hosted, local or uploaded) follows the shot's authored motion: the
/// frame-to-frame motion of the clip (decoded by ffmpeg, resampled to a small grey picture at a fixed rate) and of the
/// shot's Direct Render (rendered here at the same size and rate) are estimated the same way
/// (<see cref="FrameMotionEstimator"/>): the camera's from the background, each moving object's from the points on it,
/// where Direct Render's labels of the moving objects say (the clip, which has none, is read through the render's labels
/// of the same moment: a clip made of the shot keeps its layout). Then they are aligned in time and compared
/// (<see cref="AdherenceComparison"/>).
/// </summary>
public static class AdherenceMeter
{
    /// <summary>Motion is measured at this many frames per second (or the shot's rate, when lower).</summary>
    public const double AnalysisFps = 12;

    /// <summary>The long edge of the analysed pictures, in pixels.</summary>
    public const int AnalysisLongEdge = 320;

    /// <summary>The Direct Render is drawn this many times larger and averaged down, as a clip's decoder scales it down.</summary>
    private const int Supersample = 2;

    /// <exception cref="UserErrorException">The file is missing, not a video, or too short to measure; the shot's render shows nothing to follow.</exception>
    public static async Task<MotionAdherence> MeasureAsync(SceneDocument scene, Shot shot, string clipPath, MediaTool? media = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentException.ThrowIfNullOrEmpty(clipPath);
        media ??= MediaTool.Default;
        if (!File.Exists(clipPath))
        {
            throw new UserErrorException($"There is no file \"{clipPath}\".");
        }

        VideoProbe probe;
        try
        {
            probe = await media.ProbePacketsAsync(clipPath, cancellationToken);
        }
        catch (VideoEncodingException e)
        {
            throw new UserErrorException($"\"{clipPath}\" is not a video that can be read: {FirstLine(e.Message)}", e);
        }

        if (probe.FrameCount < 2)
        {
            throw new UserErrorException($"\"{clipPath}\" holds a single picture ({probe.Codec}), not a video: there is no motion to measure.");
        }

        var rate = Math.Min(AnalysisFps, shot.Fps);
        var size = AnalysisSize(shot.Aspect);
        var authoredFrames = Math.Max(2, (int)Math.Ceiling((shot.Duration * rate) - 1e-9));
        var times = Enumerable.Range(0, authoredFrames).Select(k => shot.Start + Math.Min(k / rate, shot.Duration)).ToArray();
        var renderer = new FrameRenderer(scene, FrameRendererOptions.Default with { MaxDegreeOfParallelism = 1 });
        var (names, labels) = MovingObjectLabels(renderer, shot, times, size);

        // The clip is decoded while the shot renders: ffmpeg and the rasterizer each keep a core busy.
        var authoredTask = Task.Run(() => AuthoredMotion(renderer, shot, size, times, names.Count, labels, cancellationToken), cancellationToken);
        var clipMotion = new List<FrameMotion>();
        try
        {
            using var estimator = new FrameMotionEstimator(size.Width, size.Height, names.Count);
            var seconds = shot.Duration + AdherenceComparison.MaxOffsetSeconds + (1 / rate);
            var index = 0;
            await foreach (var frame in media.ReadGreyFramesAsync(clipPath, size, FrameRate.FromFps(rate), seconds, cancellationToken))
            {
                // The first frame has nothing before it to move from.
                if (estimator.Next(frame, labels?[Math.Min(index++, labels.Length - 1)]) is { } motion)
                {
                    clipMotion.Add(motion);
                }
            }
        }
        catch (VideoEncodingException e)
        {
            await Quietly(authoredTask);
            throw new UserErrorException($"\"{clipPath}\" is not a video that can be decoded: {FirstLine(e.Message)}", e);
        }
        catch
        {
            await Quietly(authoredTask);
            throw;
        }

        var authored = await authoredTask;
        var clipFrames = clipMotion.Count + 1;
        if (clipMotion.Count < 2)
        {
            throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                $"\"{clipPath}\" is too short to measure its motion ({probe.DurationSeconds:0.##} s; at least {3 / rate:0.##} s is needed)."));
        }

        var (steps, shift) = AdherenceComparison.Align(authored, clipMotion, rate);
        var scored = Math.Min(clipFrames, authoredFrames) / rate;
        var offset = shift / rate;
        var move = MotionAnalyzer.Analyze(scene, shot).Camera is { IsLockedOff: false } camera ? AdherenceWording.MoveName(camera) : null;
        return new MotionAdherence
        {
            Score = Math.Round(AdherenceComparison.Score(steps, rate), 3),
            CameraScore = AdherenceComparison.CameraScore(steps, rate) is { } c ? Math.Round(c, 3) : null,
            ObjectScore = AdherenceComparison.ObjectScore(steps, rate) is { } o ? Math.Round(o, 3) : null,
            PerSecond = AdherenceComparison.PerSecond(steps, rate),
            Sentence = AdherenceWording.Sentence(steps, rate, move, names, scored, shot.Duration, offset),
            ScoredSeconds = Math.Round(scored, 3),
            ShotSeconds = shot.Duration,
            ClipSeconds = Math.Round(probe.DurationSeconds, 3),
            OffsetSeconds = Math.Round(offset, 3),
            AnalysisFps = rate,
            Method = string.Create(CultureInfo.InvariantCulture,
                $"motion at {rate:0.##} fps on {size} grey frames: Shi-Tomasi corners, pyramidal Lucas-Kanade checked both ways (OpenCV); the camera from a RANSAC similarity fit of the background, each moving object from the gradient-weighted mean of its dense (Farneback) flow, where the shot's Direct Render labels them; clip against the shot's shaded Direct Render"),
        };
    }

    /// <summary>The analysed picture: <see cref="AnalysisLongEdge"/> on the long edge, the shot's aspect, even sizes.</summary>
    internal static FrameSize AnalysisSize(AspectRatio aspect)
    {
        var ratio = aspect.Value;
        var shortEdge = Math.Max(2, 2 * (int)Math.Round(AnalysisLongEdge / Math.Max(ratio, 1 / ratio) / 2, MidpointRounding.AwayFromZero));
        return ratio >= 1 ? new FrameSize(AnalysisLongEdge, shortEdge) : new FrameSize(shortEdge, AnalysisLongEdge);
    }

    /// <summary>
    /// The display names of the objects that move during the shot, and for each analysed moment a picture of
    /// which of them each pixel shows (their place in the list + 1, 0 elsewhere); null pictures when nothing moves.
    /// </summary>
    private static (List<string> Names, byte[][]? Labels) MovingObjectLabels(FrameRenderer renderer, Shot shot, double[] times, FrameSize size)
    {
        var moving = renderer.MovingObjects(times);
        var labelOf = new byte[moving.Length];
        var names = new List<string>();
        for (var o = 0; o < moving.Length && names.Count < byte.MaxValue; o++)
        {
            if (moving[o])
            {
                names.Add(renderer.Scene.Objects[o].DisplayName);
                labelOf[o] = (byte)names.Count;
            }
        }

        if (names.Count == 0)
        {
            return (names, null);
        }

        var labels = new byte[times.Length][];
        for (var k = 0; k < times.Length; k++)
        {
            labels[k] = new byte[size.PixelCount];
            renderer.RenderLabels(shot, times[k], labelOf, labels[k], size);
        }

        return (names, labels);
    }

    /// <summary>
    /// The frame-to-frame motion of the shot's shaded Direct Render at <paramref name="times"/>. Where the authored camera
    /// does not move between two frames its motion is none, known rather than measured: a locked-off shot of a plain
    /// backdrop shows too little to measure, and must still count a clip that moves its camera against it.
    /// </summary>
    private static FrameMotion[] AuthoredMotion(FrameRenderer renderer, Shot shot, FrameSize size, double[] times, int objects, byte[][]? labels, CancellationToken cancellationToken)
    {
        var big = new RgbaFrame(new FrameSize(size.Width * Supersample, size.Height * Supersample));
        using var estimator = new FrameMotionEstimator(size.Width, size.Height, objects);
        var motion = new FrameMotion[times.Length - 1];
        var before = renderer.Camera(shot, times[0]).ViewProjection;
        for (var k = 0; k < times.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            renderer.Render(shot, times[k], RenderPass.Shaded, big);
            var step = estimator.Next(GreyFrame.Downsample(big, Supersample), labels?[k]);
            var camera = renderer.Camera(shot, times[k]).ViewProjection;
            if (step is not null)
            {
                motion[k - 1] = camera == before ? step with { Camera = ImageMotion.None } : step;
            }

            before = camera;
        }

        return motion;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // The clip's failure is the one to report.
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
