using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Previz.Core.Modes;
using Previz.Providers.Errors;
using Previz.Rendering.Video;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace Previz.Providers.Generation;

/// <summary>
/// Makes a downloaded (or rendered) result into the deliverable file. Video: every packet is read and the first frame
/// decoded (a file cut short or whose first frame does not decode is refused); a clip longer than the shot is cut to
/// the shot's length by re-encoding to H.264
/// (vendor clips have keyframes seconds apart, so a stream copy could only cut at one of them; re-encoding cuts on the
/// exact frame, so the length is right within one frame), as is anything not H.264 yuv420p that browsers may not play;
/// otherwise the streams are copied and the copy must show as many frames as the download. Either way the MP4 gets
/// <c>+faststart</c>; a re-encoded file is decoded in full once more. Probing and copying run in-process
/// with FFmpeg's libraries when <see cref="LibavMedia"/> is there (ffprobe/ffmpeg processes otherwise); re-encoding is
/// an ffmpeg process, where x264 dominates the cost. Still: decoded and written as PNG. The output appears only once
/// complete.
/// </summary>
public sealed class GenerationFinisher
{
    private readonly FfmpegOptions _ffmpeg;

    public GenerationFinisher(FfmpegOptions? ffmpeg = null) => _ffmpeg = ffmpeg ?? FfmpegOptions.Default;

    /// <summary>This finisher with ffprobe/ffmpeg processes only (see <see cref="FfmpegOptions.InProcess"/>).</summary>
    public GenerationFinisher WithProcessesOnly() => new(_ffmpeg with { InProcess = false });

    /// <summary>Whether its probes, checks and stream copies run in FFmpeg's libraries in this process (<see cref="LibavMedia"/>).</summary>
    public bool UsesLibraries => LibavMedia.IsUsedFor(_ffmpeg);

    public async Task<FinishedMedia> FinishAsync(string downloadedFile, GenerationPlan plan, string outputFile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(downloadedFile);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(outputFile);
        var output = Path.GetFullPath(outputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        return plan.Mode == VisualizerMode.Image
            ? await FinishImageAsync(downloadedFile, output, cancellationToken)
            : await FinishVideoCoreAsync(downloadedFile, plan.Options.OutputSeconds, output, cancellationToken);
    }

    /// <summary>
    /// Finishes a video without its plan (a durable job keeps only the length to deliver): decoded, trimmed to
    /// <paramref name="targetSeconds"/> when longer (0: no trim), H.264 with <c>+faststart</c>.
    /// </summary>
    public Task<FinishedMedia> FinishVideoAsync(string downloadedFile, double targetSeconds, string outputFile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(downloadedFile);
        ArgumentException.ThrowIfNullOrEmpty(outputFile);
        var output = Path.GetFullPath(outputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        return FinishVideoCoreAsync(downloadedFile, targetSeconds, output, cancellationToken);
    }

    private static async Task<FinishedMedia> FinishImageAsync(string source, string output, CancellationToken cancellationToken)
    {
        var temp = Temp(output);
        try
        {
            int width, height;
            try
            {
                using var image = await Image.LoadAsync(source, cancellationToken);
                (width, height) = (image.Width, image.Height);
                await image.SaveAsPngAsync(temp, new PngEncoder(), cancellationToken);
            }
            catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
            {
                throw new UnexpectedMediaException($"The result is not an image Previz can read: {e.Message}", e);
            }

            File.Move(temp, output, overwrite: true);
            return new FinishedMedia(output, "image", width, height, 0, null, 0, "written as PNG");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<FinishedMedia> FinishVideoCoreAsync(string source, double targetSeconds, string output, CancellationToken cancellationToken)
    {
        var probe = await ProbeAsync(source, "The result", packetsOnly: true, cancellationToken);
        if (probe.FrameCount <= 0 || probe.Width <= 0)
        {
            throw new UnexpectedMediaException("The result has no decodable video frames.");
        }

        var fps = probe.AverageFrameRate > 0 ? probe.AverageFrameRate : probe.RealFrameRate > 0 ? probe.RealFrameRate : 24;
        var frame = 1 / fps;
        var trim = targetSeconds > 0 && probe.DurationSeconds > targetSeconds + (frame / 2);
        var playable = probe.Codec == "h264" && probe.PixelFormat is "yuv420p" or "yuvj420p";
        var args = new List<string> { "-y", "-v", "error", "-nostdin", "-i", source, "-map", "0:v:0", "-map", "0:a:0?" };
        string processing;
        var copy = !trim && playable;
        if (!copy)
        {
            if (trim)
            {
                args.AddRange(["-t", targetSeconds.ToString("0.######", CultureInfo.InvariantCulture)]);
            }

            args.AddRange(["-c:v", "libx264", "-preset", _ffmpeg.Preset, "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k"]);
            processing = trim
                ? string.Create(CultureInfo.InvariantCulture, $"trimmed {probe.DurationSeconds:0.000} s to {targetSeconds:0.000} s (re-encoded to H.264)")
                : $"re-encoded {probe.Codec}/{probe.PixelFormat} to H.264 yuv420p";
        }
        else
        {
            args.AddRange(["-c", "copy"]);
            processing = "streams copied";
        }

        args.AddRange(["-movflags", "+faststart", "-f", "mp4"]);
        var temp = Temp(output);
        args.Add(temp);
        try
        {
            var writtenInProcess = false;
            if (copy && UsesLibraries)
            {
                writtenInProcess = await CopyStreamsInProcessAsync(source, temp, args, cancellationToken);
            }
            else
            {
                await RunFfmpegAsync(args, cancellationToken);
            }

            // A copy keeps every packet, so counting them is check enough (their first frame decoded in the source's
            // probe), and it has the source's coded pictures, so their pixel format (the count reads an MP4's header
            // alone); a re-encode is decoded in full.
            var result = copy
                ? await CheckedAsync("The finished video", Ffprobe.CountPacketsAsync(temp, _ffmpeg, cancellationToken)) with { PixelFormat = probe.PixelFormat }
                : await ProbeAsync(temp, "The finished video", packetsOnly: false, cancellationToken);
            if (copy && result.FrameCount != probe.FrameCount)
            {
                throw new UnexpectedMediaException($"Copying the result's streams kept {result.FrameCount} of its {probe.FrameCount} frames.");
            }

            if (trim && Math.Abs(result.DurationSeconds - targetSeconds) > frame + 1e-3)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Trimming to {targetSeconds:0.000} s gave {result.DurationSeconds:0.000} s."));
            }

            File.Move(temp, output, overwrite: true);
            return new FinishedMedia(output, "video", result.Width, result.Height, result.DurationSeconds, result, probe.DurationSeconds, processing + ", +faststart", writtenInProcess);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// The stream copy with FFmpeg's libraries in this process. Should that fail, the ffmpeg program gets its turn: its
    /// copy also guesses missing timestamps and mends broken ones, which the in-process copy does not try.
    /// </summary>
    /// <returns>Whether the libraries made the copy (false: the ffmpeg program did).</returns>
    private async Task<bool> CopyStreamsInProcessAsync(string source, string temp, List<string> ffmpegArgs, CancellationToken cancellationToken)
    {
        try
        {
            await LibavMedia.RemuxAsync(source, temp, faststart: true, cancellationToken);
            return true;
        }
        catch (VideoEncodingException)
        {
            await RunFfmpegAsync(ffmpegArgs, cancellationToken);
            return false;
        }
    }

    private Task<VideoProbe> ProbeAsync(string path, string what, bool packetsOnly, CancellationToken cancellationToken) =>
        CheckedAsync(what, packetsOnly
            ? Ffprobe.ProbePacketsAsync(path, _ffmpeg, cancellationToken)
            : Ffprobe.ProbeAsync(path, _ffmpeg, cancellationToken));

    private static async Task<VideoProbe> CheckedAsync(string what, Task<VideoProbe> probe)
    {
        try
        {
            return await probe;
        }
        catch (VideoEncodingException e)
        {
            throw new UnexpectedMediaException($"{what} is not a playable video: {e.Message}", e);
        }
    }

    private async Task RunFfmpegAsync(List<string> args, CancellationToken cancellationToken)
    {
        var ffmpeg = FfmpegLocator.Ffmpeg(_ffmpeg);
        var info = new ProcessStartInfo(ffmpeg) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, CreateNoWindow = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ToolNotFoundException("ffmpeg", ffmpeg);
        }
        catch (Win32Exception e)
        {
            throw new ToolNotFoundException("ffmpeg", ffmpeg, e);
        }

        using (process)
        {
            var stderr = new StringBuilder();
            var read = process.StandardError.ReadToEndAsync(CancellationToken.None).ContinueWith(t => stderr.Append(t.Result), TaskScheduler.Default);
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await read;
            if (process.ExitCode != 0)
            {
                throw new UnexpectedMediaException($"ffmpeg could not finish the video: {stderr.ToString().Trim()}");
            }
        }
    }

    private static string Temp(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.partial");
}
