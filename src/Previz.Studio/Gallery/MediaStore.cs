using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Previz.Rendering.Video;
using Previz.Studio.Hosting;

namespace Previz.Studio.Gallery;

/// <summary>
/// Content-addressed media under <c>media/</c>: a clip <c>&lt;sha256&gt;.mp4</c> and its poster <c>&lt;sha256&gt;.jpg</c>;
/// a still <c>&lt;sha256&gt;.png</c> or <c>.jpg</c> and its poster <c>&lt;sha256&gt;.poster.jpg</c>.
/// </summary>
public sealed partial class MediaStore
{
    /// <summary>Posters are at most this wide: the gallery shows them small.</summary>
    private const int PosterWidth = 640;

    /// <summary>ffmpeg's -q:v for posters (2 best … 31 worst).</summary>
    private const int PosterQuality = 4;

    private readonly DataFolder _folder;
    private readonly MediaTool _tool;
    private readonly ILogger<MediaStore> _logger;

    public MediaStore(DataFolder folder, MediaTool tool, ILogger<MediaStore> logger)
    {
        _folder = folder;
        _tool = tool;
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
    /// The poster of a clip of <paramref name="durationSeconds"/>, to be written to <paramref name="outputJpeg"/>: the
    /// frame a third of the way in, at most a second (past any fade-in), to the millisecond as the API shows times; at
    /// most 640 wide. A finisher can make it in the ffmpeg process that writes the clip (see <see cref="PosterAsync(string, double, string?, CancellationToken)"/>).
    /// </summary>
    public static PosterRequest PosterOf(string outputJpeg, double durationSeconds) =>
        new(outputJpeg, Math.Round(Math.Clamp(durationSeconds / 3, 0, 1), 3), PosterWidth, PosterQuality);

    /// <summary>
    /// Writes a JPEG poster (<see cref="PosterOf"/>) with an ffmpeg process; null (logged) when ffmpeg cannot: a clip
    /// without a poster still plays.
    /// </summary>
    public Task<string?> PosterAsync(string relativeVideo, double durationSeconds, CancellationToken cancellationToken) =>
        PosterAsync(relativeVideo, durationSeconds, made: null, cancellationToken);

    /// <summary>
    /// Stores <paramref name="made"/>, the poster (<see cref="PosterOf"/>) made with the clip, beside the video; when
    /// there is none, makes one as <see cref="PosterAsync(string, double, CancellationToken)"/> does.
    /// </summary>
    public async Task<string?> PosterAsync(string relativeVideo, double durationSeconds, string? made, CancellationToken cancellationToken)
    {
        var video = _folder.Resolve(relativeVideo);
        var poster = Path.ChangeExtension(video, ".jpg");
        if (File.Exists(poster))
        {
            return _folder.Relative(poster);
        }

        if (made is not null && File.Exists(made))
        {
            File.Move(made, poster, overwrite: true);
            return _folder.Relative(poster);
        }

        var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.jpg");
        try
        {
            var request = PosterOf(temp, durationSeconds);
            await _tool.PosterAsync(video, temp, request.Seconds, request.MaxWidth, request.Quality, cancellationToken);
            File.Move(temp, poster, overwrite: true);
            return _folder.Relative(poster);
        }
        catch (VideoEncodingException e)
        {
            LogPosterFailed(_logger, e.Message);
            return null;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Stores <paramref name="made"/>, the JPEG poster of the still at <paramref name="relativeStill"/>, beside it as
    /// <c>&lt;sha256&gt;.poster.jpg</c> (a JPEG still is itself <c>&lt;sha256&gt;.jpg</c>); null when there is none.
    /// </summary>
    public string? StillPoster(string relativeStill, string? made)
    {
        var still = _folder.Resolve(relativeStill);
        var poster = Path.ChangeExtension(still, ".poster.jpg");
        if (File.Exists(poster))
        {
            return _folder.Relative(poster);
        }

        if (made is null || !File.Exists(made))
        {
            return null;
        }

        File.Move(made, poster, overwrite: true);
        return _folder.Relative(poster);
    }

    /// <summary>The video's frame at <paramref name="seconds"/> as full-size PNG bytes; null (logged) when there is none.</summary>
    public async Task<byte[]?> FrameAsync(string relativeVideo, double seconds, CancellationToken cancellationToken)
    {
        var video = _folder.Resolve(relativeVideo);
        var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.png");
        try
        {
            await _tool.FrameAsync(video, temp, seconds, cancellationToken);
            return await File.ReadAllBytesAsync(temp, cancellationToken);
        }
        catch (VideoEncodingException e)
        {
            LogFrameFailed(_logger, e.Message);
            return null;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No frame: {Error}")]
    private static partial void LogFrameFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No poster: {Error}")]
    private static partial void LogPosterFailed(ILogger logger, string error);
}
