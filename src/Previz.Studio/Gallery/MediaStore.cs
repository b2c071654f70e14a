using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Previz.Rendering.Video;
using Previz.Studio.Hosting;

namespace Previz.Studio.Gallery;

/// <summary>Content-addressed media under <c>media/</c>: <c>&lt;sha256&gt;.mp4</c> and its poster <c>&lt;sha256&gt;.jpg</c>.</summary>
public sealed partial class MediaStore
{
    /// <summary>Posters are at most this wide: the gallery shows them small.</summary>
    private const int PosterWidth = 640;

    /// <summary>ffmpeg's -q:v for posters (2 best … 31 worst).</summary>
    private const int PosterQuality = 4;

    private readonly DataFolder _folder;
    private readonly ILogger<MediaStore> _logger;

    public MediaStore(DataFolder folder, ILogger<MediaStore> logger)
    {
        _folder = folder;
        _logger = logger;
    }

    /// <summary>SHA-256 of a file as lowercase hex.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>Moves <paramref name="file"/> into the store; returns its hash and stored path (relative to the data folder).</summary>
    public async Task<(string Hash, string RelativePath, long Length)> AddAsync(string file, string extension, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(file, cancellationToken);
        var target = Path.Combine(_folder.Media, $"{hash}.{extension}");
        var length = new FileInfo(file).Length;
        if (File.Exists(target))
        {
            File.Delete(file);
        }
        else
        {
            File.Move(file, target);
        }

        return (hash, _folder.Relative(target), length);
    }

    /// <summary>
    /// Writes a JPEG poster (at most 640 wide) from the video's first second; null (logged) when FFmpeg cannot. In-process
    /// with FFmpeg's libraries when <see cref="LibavMedia"/> is there, else (or when <paramref name="inProcesses"/>) with an ffmpeg process.
    /// </summary>
    public async Task<string?> PosterAsync(string relativeVideo, double durationSeconds, bool inProcesses, CancellationToken cancellationToken)
    {
        var video = _folder.Resolve(relativeVideo);
        var poster = Path.ChangeExtension(video, ".jpg");
        if (File.Exists(poster))
        {
            return _folder.Relative(poster);
        }

        var at = Math.Clamp(durationSeconds / 3, 0, 1).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.jpg");
        if (!inProcesses && LibavMedia.IsUsedFor(null))
        {
            try
            {
                // The same time as the process gets (rounded to the millisecond), so both pick the same frame.
                await LibavMedia.PosterAsync(video, temp, double.Parse(at, System.Globalization.CultureInfo.InvariantCulture), PosterWidth, PosterQuality, cancellationToken);
                File.Move(temp, poster, overwrite: true);
                return _folder.Relative(poster);
            }
            catch (VideoEncodingException e)
            {
                File.Delete(temp);
                LogInProcessPosterFailed(_logger, e.Message);
                return null;
            }
        }

        var start = new ProcessStartInfo(FfmpegLocator.Ffmpeg())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-ss", at, "-i", video, "-frames:v", "1", "-vf", $"scale='min({PosterWidth},iw)':-2", "-q:v", $"{PosterQuality}", "-y", temp })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(temp))
        {
            LogPosterFailed(_logger, process.ExitCode, (await stderr).Trim());
            return null;
        }

        File.Move(temp, poster, overwrite: true);
        return _folder.Relative(poster);
    }

    /// <summary>The video's frame at <paramref name="seconds"/> as full-size PNG bytes; null (logged) when there is none.</summary>
    public async Task<byte[]?> FrameAsync(string relativeVideo, double seconds, CancellationToken cancellationToken)
    {
        var video = _folder.Resolve(relativeVideo);
        var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.png");
        var start = new ProcessStartInfo(FfmpegLocator.Ffmpeg())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var at = seconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-ss", at, "-i", video, "-frames:v", "1", "-y", temp })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || !File.Exists(temp) || new FileInfo(temp).Length == 0)
            {
                LogFrameFailed(_logger, process.ExitCode, (await stderr).Trim());
                return null;
            }

            return await File.ReadAllBytesAsync(temp, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ffmpeg could not extract a frame (exit {ExitCode}): {Error}")]
    private static partial void LogFrameFailed(ILogger logger, int exitCode, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ffmpeg could not make a poster (exit {ExitCode}): {Error}")]
    private static partial void LogPosterFailed(ILogger logger, int exitCode, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No poster (in-process): {Error}")]
    private static partial void LogInProcessPosterFailed(ILogger logger, string error);
}
