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
/// frame-to-frame motion of the clip (decoded by ffmpeg, resampled to a small grey picture at the analysed rate) and of
/// the shot's Direct Render (rendered here at the same size and rate) are measured at the same points
/// (<see cref="SharedPointMotion"/>): the camera's on the background, each moving object's on the object, where Direct
/// Render's labels of the moving objects say (the clip, which has none, is read through the render's labels of the same
/// moment: a clip made of the shot keeps its layout). Then they are aligned in time and compared
/// (<see cref="AdherenceComparison"/>).
/// </summary>
public static class AdherenceMeter
{
    /// <summary>Motion is measured at about this many frames per second (see <see cref="AnalysisRate"/>).</summary>
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

        var rate = AnalysisRate(shot.Fps);
        var size = AnalysisSize(shot.Aspect);
        var authoredFrames = Math.Max(2, (int)Math.Ceiling((shot.Duration * rate) - 1e-9));
        var times = Enumerable.Range(0, authoredFrames).Select(k => shot.Start + Math.Min(k / rate, shot.Duration)).ToArray();
        var renderer = new FrameRenderer(scene, FrameRendererOptions.Default with { MaxDegreeOfParallelism = 1 });

        // The shot renders while the clip is probed and decoded: ffmpeg and the rasterizer each keep a core busy.
        var renderTask = Task.Run(() =>
        {
            var (names, labels) = MovingObjectLabels(renderer, shot, times, size);
            return (Names: names, Labels: labels, Frames: RenderGrey(renderer, shot, size, times, cancellationToken));
        }, cancellationToken);
        VideoProbe probe;
        var clipFrames = new List<byte[]>();
        try
        {
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

            var seconds = shot.Duration + AdherenceComparison.MaxOffsetSeconds + (1 / rate);
            await foreach (var frame in media.ReadGreyFramesAsync(clipPath, size, FrameRate.FromFps(rate), seconds, cancellationToken))
            {
                clipFrames.Add(frame);
            }
        }
        catch (VideoEncodingException e)
        {
            await Quietly(renderTask);
            throw new UserErrorException($"\"{clipPath}\" is not a video that can be decoded: {FirstLine(e.Message)}", e);
        }
        catch
        {
            await Quietly(renderTask);
            throw;
        }

        var (names, labels, rendered) = await renderTask;
        if (clipFrames.Count < 3)
        {
            throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                $"\"{clipPath}\" is too short to measure its motion ({probe.DurationSeconds:0.##} s; at least {3 / rate:0.##} s is needed)."));
        }

        (clipFrames, var framing) = ClipRegistration.Align(rendered, clipFrames, size.Width, size.Height);
        var (steps, shift) = Compare(renderer, shot, times, rendered, clipFrames, labels, names.Count, size, rate, cancellationToken);
        var scored = Math.Min(clipFrames.Count, authoredFrames) / rate;
        var offset = shift / rate;
        var score = AdherenceComparison.Score(steps, rate);
        var move = MotionAnalyzer.Analyze(scene, shot).Camera is { IsLockedOff: false } camera ? AdherenceWording.MoveName(camera) : null;
        return new MotionAdherence
        {
            Score = Math.Round(score, 3),
            CameraScore = AdherenceComparison.CameraScore(steps, rate) is { } c ? Math.Round(c, 3) : null,
            ObjectScore = AdherenceComparison.ObjectScore(steps, rate) is { } o ? Math.Round(o, 3) : null,
            PerSecond = AdherenceComparison.PerSecond(steps, rate),
            // How a clip frames the shot is worth saying only of a clip that follows it; of another it is a guess.
            Sentence = AdherenceWording.Sentence(steps, rate, move, names, scored, shot.Duration, offset, score >= 0.5 ? framing : null),
            ScoredSeconds = Math.Round(scored, 3),
            ShotSeconds = shot.Duration,
            ClipSeconds = Math.Round(probe.DurationSeconds, 3),
            OffsetSeconds = Math.Round(offset, 3),
            AnalysisFps = rate,
            Method = string.Create(CultureInfo.InvariantCulture,
                $"motion at {rate:0.##} fps on {size} grey frames, the clip's framing lined up with the render first (ECC): edge points of the shot's shaded Direct Render, on the background and on each moving object as Direct Render labels them, followed by pyramidal Lucas-Kanade (OpenCV) in the render (checked both ways) and in the clip from the same places (the background's on edge strength, each object's on local contrast), each part fitted as one similarity motion to the flow across its points' edges and compared over half-second windows"),
        };
    }

    /// <summary>
    /// The analysed rate: the shot's rate divided by the whole number that brings it nearest <see cref="AnalysisFps"/>, so
    /// that every analysed moment is a frame of the shot (12 of 24, 15 of 30, 12.5 of 25). A clip at the shot's rate is
    /// then read frame for frame; a rate that does not divide would take its frames 2 and 3 apart in turn, and their
    /// motion would jump by half from step to step where the render's does not.
    /// </summary>
    internal static double AnalysisRate(double shotFps) => shotFps / Math.Max(1, Math.Round(shotFps / AnalysisFps, MidpointRounding.ToEven));

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

    /// <summary>The shot's shaded Direct Render at <paramref name="times"/>, as grey frames of the analysed size.</summary>
    private static byte[][] RenderGrey(FrameRenderer renderer, Shot shot, FrameSize size, double[] times, CancellationToken cancellationToken)
    {
        var big = new RgbaFrame(new FrameSize(size.Width * Supersample, size.Height * Supersample));
        var grey = new byte[times.Length][];
        for (var k = 0; k < times.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            renderer.Render(shot, times[k], RenderPass.Shaded, big);
            grey[k] = GreyFrame.Downsample(big, Supersample);
        }

        return grey;
    }

    /// <summary>
    /// Each authored step (render frame k − 1 to k) measured at its points (<see cref="SharedPointMotion"/>), compared with
    /// the clip's step at the same moment, and at the moments a small shift away, and the best alignment. Where the
    /// authored camera does not move between two frames its motion is none, known rather than measured.
    /// </summary>
    private static (IReadOnlyList<MotionStep> Steps, int Shift) Compare(FrameRenderer renderer, Shot shot, double[] times, byte[][] rendered,
        List<byte[]> clip, byte[][]? labels, int objects, FrameSize size, double rate, CancellationToken cancellationToken)
    {
        var measure = new SharedPointMotion(size.Width, size.Height, objects);
        var authored = new SharedPointMotion.AuthoredStep[times.Length - 1];
        using var frames = new AnalysedFrames(rendered, clip, size);
        var cameras = times.Select(t => renderer.Camera(shot, t).ViewProjection).ToArray();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(1, times.Length, options, k =>
            authored[k - 1] = measure.Authored(frames.Rendered[k - 1], frames.Rendered[k], labels?[k - 1], cameras[k] == cameras[k - 1]));

        return AdherenceComparison.Align((shift, stride) =>
        {
            var steps = new MotionStep?[authored.Length];
            Parallel.For(0, (authored.Length + stride - 1) / stride, options, n =>
            {
                // Authored step i runs from frame i to i + 1; the clip's from frame j to j + 1.
                var i = n * stride;
                var j = i + shift;
                if (j >= 0 && j + 1 < clip.Count)
                {
                    var (camera, parts) = measure.Compare(authored[i], frames.Clip[j], frames.Clip[j + 1], labels?[i]);
                    if (camera is not null || parts.Count > 0)
                    {
                        steps[i] = new MotionStep((i + 1) / rate, camera, parts);
                    }
                }
            });
            return [.. steps.OfType<MotionStep>()];
        }, rate);
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
