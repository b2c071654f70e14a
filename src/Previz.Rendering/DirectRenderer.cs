using System.Diagnostics;
using System.Threading.Channels;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Stills;
using Previz.Rendering.Video;

namespace Previz.Rendering;

/// <summary>
/// Direct Render: a shot of a scene to an H.264 MP4, or one instant of it to a PNG, with the software rasterizer and
/// ffmpeg; no network, no AI. Rendering overlaps encoding: a render task fills frames from a small pool and hands them
/// over a bounded channel to the task that pipes them to ffmpeg.
/// </summary>
public static class DirectRenderer
{
    /// <summary>Frames in flight between the renderer and ffmpeg (one rendering, two queued or being written).</summary>
    private const int FramesInFlight = 3;

    /// <summary>
    /// Renders every frame of <paramref name="shot"/> (round(duration × fps) frames at the shot's fps) and encodes them to
    /// <paramref name="outputPath"/>. On failure or cancellation ffmpeg is stopped and no file is left behind; an existing
    /// file at the path is replaced only on success. Throws <see cref="ToolNotFoundException"/> when ffmpeg is missing
    /// and <see cref="VideoEncodingException"/> when it fails.
    /// </summary>
    public static Task RenderToMp4Async(
        SceneDocument scene,
        Shot shot,
        RenderPass pass,
        ResolutionPreset resolution,
        string outputPath,
        IProgress<RenderProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        RenderToMp4Async(scene, shot, pass, resolution, outputPath, DirectRenderOptions.Default, progress, cancellationToken);

    /// <inheritdoc cref="RenderToMp4Async(SceneDocument, Shot, RenderPass, ResolutionPreset, string, IProgress{RenderProgress}?, CancellationToken)"/>
    public static async Task RenderToMp4Async(
        SceneDocument scene,
        Shot shot,
        RenderPass pass,
        ResolutionPreset resolution,
        string outputPath,
        DirectRenderOptions? options,
        IProgress<RenderProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(shot);
        var total = shot.FrameCount;
        if (total <= 0)
        {
            throw new ArgumentException($"Shot \"{shot.Id}\" has no frames (duration {shot.Duration} s at {shot.Fps} fps).", nameof(shot));
        }

        await RenderFramesAsync(scene, shot, pass, FrameSize.For(shot.Aspect, resolution), FrameRate.FromFps(shot.Fps), total, shot.FrameTime, outputPath, options, progress, cancellationToken);
    }

    /// <summary>
    /// Renders a guide video for a model that follows one: <paramref name="frameCount"/> frames at <paramref name="fps"/>
    /// and <paramref name="size"/>, frame i showing the shot at i / fps seconds after its start (held at its end), so
    /// frame i equals <see cref="RenderStillAsync"/> at that time. Same encoder and guarantees as the shot render.
    /// </summary>
    public static Task RenderGuideToMp4Async(
        SceneDocument scene,
        Shot shot,
        RenderPass pass,
        FrameSize size,
        int fps,
        int frameCount,
        string outputPath,
        DirectRenderOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentOutOfRangeException.ThrowIfLessThan(fps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        return RenderFramesAsync(scene, shot, pass, size, new FrameRate(fps, 1), frameCount, i => shot.Start + Math.Min(i / (double)fps, shot.Duration), outputPath, options, null, cancellationToken);
    }

    private static async Task RenderFramesAsync(
        SceneDocument scene,
        Shot shot,
        RenderPass pass,
        FrameSize size,
        FrameRate rate,
        int total,
        Func<int, double> frameTime,
        string outputPath,
        DirectRenderOptions? options,
        IProgress<RenderProgress>? progress,
        CancellationToken cancellationToken)
    {
        options ??= DirectRenderOptions.Default;
        // x264 keeps every core busy, and a frame costs it several times what rendering it does: one render thread
        // keeps well ahead of the encoder and spends no CPU on handing bands between threads, which x264 would miss.
        var rendererOptions = options.Renderer.MaxDegreeOfParallelism is null ? options.Renderer with { MaxDegreeOfParallelism = 1 } : options.Renderer;
        await using var writer = new MediaTool(options.Ffmpeg).StartEncoder(outputPath, size, rate);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var free = Channel.CreateBounded<RgbaFrame>(FramesInFlight);
        var ready = Channel.CreateBounded<RgbaFrame>(new BoundedChannelOptions(FramesInFlight - 1) { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < FramesInFlight; i++)
        {
            free.Writer.TryWrite(new RgbaFrame(size));
        }

        var render = Task.Run(
            async () =>
            {
                try
                {
                    // Preparing big meshes (the first time a mesh is drawn) overlaps ffmpeg's start.
                    var renderer = new FrameRenderer(scene, rendererOptions);
                    for (var i = 0; i < total; i++)
                    {
                        var frame = await free.Reader.ReadAsync(stop.Token);
                        renderer.Render(shot, frameTime(i), pass, frame);
                        await ready.Writer.WriteAsync(frame, stop.Token);
                    }

                    ready.Writer.Complete();
                }
                catch (Exception e)
                {
                    ready.Writer.Complete(e);
                    throw;
                }
            },
            stop.Token);

        var clock = Stopwatch.StartNew();
        try
        {
            var done = 0;
            await foreach (var frame in ready.Reader.ReadAllAsync(stop.Token))
            {
                await writer.WriteFrameAsync(frame.Pixels, stop.Token);
                free.Writer.TryWrite(frame);
                done++;
                progress?.Report(new RenderProgress(done, total, done / Math.Max(1e-9, clock.Elapsed.TotalSeconds), clock.Elapsed));
            }

            await render;
            await writer.CompleteAsync(stop.Token);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // Ctrl+C reaches ffmpeg too, which then stops reading: report the cancellation, not a broken pipe.
            throw new OperationCanceledException("The render was canceled.", e, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await render;
            }
            catch (Exception) when (render.IsCanceled || render.IsFaulted)
            {
                // Already reported through the channel, or canceled because the encoder stopped.
            }
        }
    }

    /// <summary>
    /// Renders the shot at <paramref name="shotTime"/> seconds after its start (clamped to the shot) and writes a PNG.
    /// </summary>
    public static async Task RenderStillAsync(
        SceneDocument scene,
        Shot shot,
        double shotTime,
        RenderPass pass,
        ResolutionPreset resolution,
        string outputPath,
        FrameRendererOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(shot);
        if (!double.IsFinite(shotTime) || shotTime < 0 || shotTime > shot.Duration)
        {
            throw new ArgumentOutOfRangeException(nameof(shotTime), shotTime, $"The time must lie within the shot (0 to {shot.Duration} s).");
        }

        var frame = await Task.Run(
            () => new FrameRenderer(scene, options).Render(shot, shot.Start + shotTime, pass, FrameSize.For(shot.Aspect, resolution)),
            cancellationToken);
        await StillWriter.SavePngAsync(frame, outputPath, cancellationToken);
    }
}
