using System.Globalization;
using Previz.Core;
using Previz.Core.Motion;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;

namespace Previz.Rendering.Adherence;

/// <summary>
/// Measures how closely a clip made of a shot (hosted, local or uploaded) follows the shot's authored camera motion: the
/// frame-to-frame global motion of the clip (decoded by ffmpeg, resampled to a small grey picture at a fixed rate) and of
/// the shot's Direct Render (rendered here at the same size and rate) are estimated the same way
/// (<see cref="GlobalMotionEstimator"/>), aligned in time and compared (<see cref="AdherenceComparison"/>).
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
        var rateFraction = FrameRate.FromFps(rate);

        // The clip is decoded while the shot renders: ffmpeg and the rasterizer each keep a core busy.
        var authoredTask = Task.Run(() => AuthoredMotion(scene, shot, size, rate, authoredFrames, cancellationToken), cancellationToken);
        var clipMotion = new List<ImageMotion?>();
        try
        {
            using var estimator = new GlobalMotionEstimator(size.Width, size.Height);
            var seconds = shot.Duration + AdherenceComparison.MaxOffsetSeconds + (1 / rate);
            var first = true;
            await foreach (var frame in media.ReadGreyFramesAsync(clipPath, size, rateFraction, seconds, cancellationToken))
            {
                // The first frame has nothing before it to move from.
                var motion = estimator.Next(frame);
                if (!first)
                {
                    clipMotion.Add(motion);
                }

                first = false;
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
        var score = Math.Round(AdherenceComparison.Score(steps, rate), 3);
        var scored = Math.Min(clipFrames, authoredFrames) / rate;
        var offset = shift / rate;
        var move = MotionAnalyzer.Analyze(scene, shot).Camera is { IsLockedOff: false } camera ? AdherenceWording.MoveName(camera) : null;
        return new MotionAdherence
        {
            Score = score,
            PerSecond = AdherenceComparison.PerSecond(steps, rate),
            Sentence = AdherenceWording.Sentence(steps, score, rate, move, scored, shot.Duration, offset),
            ScoredSeconds = Math.Round(scored, 3),
            ShotSeconds = shot.Duration,
            ClipSeconds = Math.Round(probe.DurationSeconds, 3),
            OffsetSeconds = Math.Round(offset, 3),
            AnalysisFps = rate,
            Method = string.Create(CultureInfo.InvariantCulture,
                $"global motion at {rate:0.##} fps on {size} grey frames: Shi-Tomasi corners, pyramidal Lucas-Kanade checked both ways, RANSAC similarity fit (OpenCV); clip against the shot's shaded Direct Render"),
        };
    }

    /// <summary>The analysed picture: <see cref="AnalysisLongEdge"/> on the long edge, the shot's aspect, even sizes.</summary>
    internal static FrameSize AnalysisSize(AspectRatio aspect)
    {
        var ratio = aspect.Value;
        var shortEdge = Math.Max(2, 2 * (int)Math.Round(AnalysisLongEdge / Math.Max(ratio, 1 / ratio) / 2, MidpointRounding.AwayFromZero));
        return ratio >= 1 ? new FrameSize(AnalysisLongEdge, shortEdge) : new FrameSize(shortEdge, AnalysisLongEdge);
    }

    /// <summary>The frame-to-frame motion of the shot's shaded Direct Render at <paramref name="rate"/>.</summary>
    private static ImageMotion?[] AuthoredMotion(SceneDocument scene, Shot shot, FrameSize size, double rate, int frames, CancellationToken cancellationToken)
    {
        var renderer = new FrameRenderer(scene, FrameRendererOptions.Default with { MaxDegreeOfParallelism = 1 });
        var big = new RgbaFrame(new FrameSize(size.Width * Supersample, size.Height * Supersample));
        using var estimator = new GlobalMotionEstimator(size.Width, size.Height);
        var motion = new ImageMotion?[frames - 1];
        for (var k = 0; k < frames; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            renderer.Render(shot, shot.Start + Math.Min(k / rate, shot.Duration), RenderPass.Shaded, big);
            var step = estimator.Next(GreyFrame.Downsample(big, Supersample));
            if (k > 0)
            {
                motion[k - 1] = step;
            }
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
