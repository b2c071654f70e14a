using System.Collections.Concurrent;
using System.Globalization;
using Previz.Core.Sequences;
using Previz.Rendering.Video;
using CutRate = Previz.Core.Sequences.FrameRate;

namespace Previz.Rendering.Sequences;

/// <summary>
/// Reads what a sequence needs to know of its media through the media boundary: a take's whole frames at the cut's
/// rate and whether it has sound, and an audio cue's length. Files a user chose are refused with a message naming
/// them (<see cref="SequenceException"/>), never with ffprobe's own words alone. One instance remembers each file's
/// streams (by path, size and time written), so the caller that probes the takes and the animatic writer that decides
/// how to join them share one ffprobe per file.
/// </summary>
public sealed class SequenceProbe(MediaTool? media = null)
{
    private readonly MediaTool _media = media ?? MediaTool.Default;
    private readonly ConcurrentDictionary<string, MediaStreams> _streams = new(StringComparer.Ordinal);

    /// <summary>The media boundary this probe runs ffprobe through.</summary>
    public MediaTool Media => _media;

    /// <summary>The first video and audio stream of <paramref name="file"/> (remembered for this instance).</summary>
    /// <exception cref="SequenceException">The file is missing or is not media ffmpeg can read.</exception>
    public Task<MediaStreams> StreamsAsync(string file, CancellationToken cancellationToken) => StreamsAsync(file, "media", cancellationToken);

    /// <summary>
    /// The take that <paramref name="file"/> makes at <paramref name="rate"/>: its <see cref="SequenceTake.MediaPath"/> is
    /// <paramref name="mediaPath"/> (default: the file as given). A clip at the cut's rate is counted packet by packet
    /// (exact); one at another rate is its duration in frames of the cut, as the animatic's rate conversion makes it.
    /// </summary>
    /// <exception cref="SequenceException">The file is missing, is not a video ffmpeg can read, or has no video stream.</exception>
    public async Task<SequenceTake> TakeAsync(string file, CutRate rate, string label, string? mediaPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var streams = await StreamsAsync(file, "video", cancellationToken);
        var video = streams.Video ?? throw new SequenceException($"\"{file}\" has no picture: a take must be a video file.");
        int frames;
        if (SameRate(video.FrameRate, rate))
        {
            frames = (await ReadPacketsAsync(file, cancellationToken)).Video.FrameCount;
        }
        else
        {
            frames = rate.Frames(video.DurationSeconds > 0 ? video.DurationSeconds : streams.DurationSeconds);
        }

        if (frames <= 0)
        {
            throw new SequenceException($"\"{file}\" has no frames.");
        }

        return new SequenceTake(mediaPath ?? file, label, frames, streams.Audio is not null);
    }

    /// <summary>The length in seconds of the first audio stream of <paramref name="file"/> (a sound cue's).</summary>
    /// <exception cref="SequenceException">The file is missing, cannot be read, has no audio stream or no length.</exception>
    public async Task<double> AudioLengthAsync(string file, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var streams = await StreamsAsync(file, "audio", cancellationToken);
        var audio = streams.Audio ?? throw new SequenceException($"\"{file}\" is not an audio file: it has no sound to play.");
        var seconds = audio.DurationSeconds > 0 ? audio.DurationSeconds : streams.DurationSeconds;
        return seconds > 0 ? seconds : throw new SequenceException($"\"{file}\" is not an audio file Previz can place: its length is unknown.");
    }

    /// <summary>True when ffprobe's <c>r_frame_rate</c> ("24/1", "24000/1001") is exactly <paramref name="rate"/>.</summary>
    internal static bool SameRate(string fraction, CutRate rate)
    {
        var parts = fraction.Split('/');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && d > 0 && n * rate.Denominator == d * rate.Numerator;
    }

    internal async Task<MediaStreams> StreamsAsync(string file, string kind, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new SequenceException($"Media file not found: {file}");
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        if (_streams.TryGetValue(key, out var known))
        {
            return known;
        }

        try
        {
            return _streams[key] = await _media.ProbeStreamsAsync(file, cancellationToken);
        }
        catch (VideoEncodingException e)
        {
            var what = kind switch { "audio" => "an audio file", "video" => "a video file", _ => "media" };
            throw new SequenceException($"\"{file}\" is not {what} ffmpeg can read.", e);
        }
    }

    private async Task<PacketProbe> ReadPacketsAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await _media.ReadPacketsAsync(file, cancellationToken);
        }
        catch (VideoEncodingException e)
        {
            throw new SequenceException($"\"{file}\" cannot be read to its end: {e.Message}", e);
        }
    }
}
