using System.Globalization;
using Previz.Core.Modes;
using Previz.Providers.Errors;
using Previz.Rendering.Video;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Processing;

namespace Previz.Providers.Generation;

/// <summary>
/// Makes a downloaded (or rendered) result into the deliverable file, through <see cref="MediaTool"/>. Video: every
/// packet is read (a download cut short is refused); a clip longer than the shot is cut to the shot's length by
/// re-encoding to H.264 (vendor clips have keyframes seconds apart, so a stream copy could only cut at one of them;
/// re-encoding cuts on the exact frame, so the length is right within one frame), as is anything not H.264 yuv420p
/// that browsers may not play; otherwise the streams are copied and the copy must write as many video packets as the
/// download has. Either way the MP4 gets <c>+faststart</c>, and the figures of the result come from the ffmpeg run that
/// wrote it (its frame count) and from the download (size, rates): no process reads the result back. Still: decoded
/// and written as PNG. The output appears only once complete.
/// </summary>
public sealed class GenerationFinisher
{
    private readonly MediaTool _media;

    public GenerationFinisher(MediaTool? media = null) => _media = media ?? MediaTool.Default;

    public async Task<FinishedMedia> FinishAsync(string downloadedFile, GenerationPlan plan, string outputFile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(downloadedFile);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(outputFile);
        var output = Path.GetFullPath(outputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        return plan.Mode == VisualizerMode.Image
            ? await FinishImageAsync(downloadedFile, output, cancellationToken)
            : await FinishVideoCoreAsync(downloadedFile, plan.Options.OutputSeconds, output, poster: null, cancellationToken);
    }

    /// <summary>
    /// Finishes a video without its plan (a durable job keeps only the length to deliver): decoded, trimmed to
    /// <paramref name="targetSeconds"/> when longer (0: no trim), H.264 with <c>+faststart</c>.
    /// </summary>
    public Task<FinishedMedia> FinishVideoAsync(string downloadedFile, double targetSeconds, string outputFile, CancellationToken cancellationToken) =>
        FinishVideoAsync(downloadedFile, targetSeconds, outputFile, poster: null, cancellationToken);

    /// <summary>
    /// <see cref="FinishVideoAsync(string, double, string, CancellationToken)"/>, writing <paramref name="poster"/> from
    /// the download's frames in the same ffmpeg process, when given and when a frame shows at its time (else no file).
    /// </summary>
    public Task<FinishedMedia> FinishVideoAsync(string downloadedFile, double targetSeconds, string outputFile, PosterRequest? poster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(downloadedFile);
        ArgumentException.ThrowIfNullOrEmpty(outputFile);
        var output = Path.GetFullPath(outputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        return FinishVideoCoreAsync(downloadedFile, targetSeconds, output, poster, cancellationToken);
    }

    /// <summary>
    /// Finishes a still for the gallery: the download decoded whole with ImageSharp (a truncated or mislabelled file is
    /// refused); a PNG or JPEG is kept byte for byte, any other format (WebP) written as PNG; and a JPEG poster at most
    /// <paramref name="poster"/>'s width (never upscaled) made from the decoded pixels.
    /// </summary>
    /// <exception cref="UnexpectedMediaException">The download is not an image Previz can read.</exception>
    public static async Task<FinishedStill> FinishStillAsync(string downloadedFile, string outputFile, PosterRequest poster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(downloadedFile);
        ArgumentException.ThrowIfNullOrEmpty(outputFile);
        ArgumentNullException.ThrowIfNull(poster);
        var output = Path.GetFullPath(outputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var temp = Temp(output);
        try
        {
            Image image;
            string format;
            try
            {
                await using var stream = File.OpenRead(downloadedFile);
                (image, var decoded) = await Image.LoadWithFormatAsync(stream, cancellationToken);
                format = decoded.Name;
            }
            catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
            {
                throw new UnexpectedMediaException($"The result is not an image Previz can read: {e.Message}", e);
            }

            using (image)
            {
                var (width, height) = (image.Width, image.Height);
                string contentType, processing;
                if (format is "PNG" or "JPEG")
                {
                    File.Copy(downloadedFile, temp, overwrite: true);
                    contentType = format == "PNG" ? "image/png" : "image/jpeg";
                    processing = $"decoded and kept as {format}";
                }
                else
                {
                    await image.SaveAsPngAsync(temp, new PngEncoder(), cancellationToken);
                    contentType = "image/png";
                    processing = $"decoded {format}, written as PNG";
                }

                if (width > poster.MaxWidth)
                {
                    // Even height, as the clips' posters have.
                    var posterHeight = Math.Max(2, (int)Math.Round(height * (double)poster.MaxWidth / width / 2) * 2);
                    image.Mutate(x => x.Resize(poster.MaxWidth, posterHeight));
                }

                await image.SaveAsJpegAsync(poster.OutputJpeg, new JpegEncoder { Quality = 85 }, cancellationToken);
                File.Move(temp, output, overwrite: true);
                return new FinishedStill(output, contentType, width, height, processing);
            }
        }
        finally
        {
            File.Delete(temp);
        }
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

    private async Task<FinishedMedia> FinishVideoCoreAsync(string source, double targetSeconds, string output, PosterRequest? poster, CancellationToken cancellationToken)
    {
        var packets = await CheckedAsync("The result", _media.ReadPacketsAsync(source, cancellationToken));
        var probe = packets.Video;
        if (probe.FrameCount <= 0 || probe.Width <= 0)
        {
            throw new UnexpectedMediaException("The result has no decodable video frames.");
        }

        var fps = probe.AverageFrameRate > 0 ? probe.AverageFrameRate : probe.RealFrameRate > 0 ? probe.RealFrameRate : 24;
        var frame = 1 / fps;
        var trim = targetSeconds > 0 && probe.DurationSeconds > targetSeconds + (frame / 2);
        var playable = probe.Codec == "h264" && probe.PixelFormat is "yuv420p" or "yuvj420p";
        var copy = !trim && playable;
        var processing = copy ? "streams copied, +faststart"
            : trim ? string.Create(CultureInfo.InvariantCulture, $"trimmed {probe.DurationSeconds:0.000} s to {targetSeconds:0.000} s, re-encoded to H.264, +faststart")
            : $"re-encoded {probe.Codec}/{probe.PixelFormat} to H.264 yuv420p, +faststart";
        var temp = Temp(output);
        try
        {
            int written;
            try
            {
                written = await (copy
                    ? _media.CopyStreamsAsync(source, temp, poster, cancellationToken)
                    : _media.ReencodeAsync(source, temp, trim ? targetSeconds : null, poster, cancellationToken));
            }
            catch (VideoEncodingException e)
            {
                throw new UnexpectedMediaException($"The result could not be finished: {e.Message}", e);
            }

            if (copy && written != packets.Packets)
            {
                throw new UnexpectedMediaException($"Copying the result's streams kept {written} of its {packets.Packets} video packets.");
            }

            // A copy changes no figure of the stream; a re-encode keeps the size and the rate, and lasts the frames it
            // encoded at that rate (ffmpeg writes one frame duration per frame).
            var result = copy ? probe : probe with { Codec = "h264", PixelFormat = "yuv420p", FrameCount = written, DurationSeconds = written * frame };
            if (trim && Math.Abs(result.DurationSeconds - targetSeconds) > frame + 1e-3)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Trimming to {targetSeconds:0.000} s gave {result.DurationSeconds:0.000} s."));
            }

            File.Move(temp, output, overwrite: true);
            return new FinishedMedia(output, "video", result.Width, result.Height, result.DurationSeconds, result, probe.DurationSeconds, processing);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static async Task<PacketProbe> CheckedAsync(string what, Task<PacketProbe> probe)
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

    private static string Temp(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.partial");
}
