using System.Globalization;
using System.Runtime.CompilerServices;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;

namespace Previz.Rendering.Video;

/// <summary>
/// The one way Previz touches media files: every probe, stream copy, re-encode, poster, frame and encode is an ffprobe
/// or ffmpeg child process started here, as Jellyfin keeps ffmpeg behind its media encoder. A clip that crashes or
/// hangs a decoder fails its child (killed on cancellation or after <see cref="FfmpegOptions.CommandTimeout"/>), never
/// the server. This class owns where the programs are, the arguments, and how a failure reads (the end of the child's
/// stderr, the file named).
/// </summary>
public sealed class MediaTool
{
    public const string FfmpegVariable = "PREVIZ_FFMPEG";
    public const string FfprobeVariable = "PREVIZ_FFPROBE";

    private const string StreamFields = "stream=codec_name,pix_fmt,width,height,avg_frame_rate,r_frame_rate,nb_frames,nb_read_frames,nb_read_packets,duration:format=duration";

    public MediaTool(FfmpegOptions? options = null) => Options = options ?? FfmpegOptions.Default;

    /// <summary>With <see cref="FfmpegOptions.Default"/>.</summary>
    public static MediaTool Default { get; } = new();

    public FfmpegOptions Options { get; }

    /// <summary>
    /// The first video stream's figures with every frame decoded (<c>ffprobe -count_frames</c>):
    /// <see cref="VideoProbe.FrameCount"/> is the number of frames that decode.
    /// </summary>
    /// <exception cref="VideoEncodingException">The file cannot be read or has no video stream; the message names it.</exception>
    public async Task<VideoProbe> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = await RunAsync("ffprobe", Ffprobe(), ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", StreamFields, "-print_format", "json", path],
            $"ffprobe could not read \"{path}\"", keepStdout: true, cancellationToken);
        return ProbeJson.Frames(json) ?? throw new VideoEncodingException($"\"{path}\" has no video stream.");
    }

    /// <summary>
    /// The same figures from reading every packet, decoding none past what ffprobe needs to open the file (a download,
    /// a stream copy: several times cheaper than <see cref="ProbeAsync"/>). <see cref="VideoProbe.FrameCount"/> is the
    /// number of packets shown (an edit list's hidden ones are not counted).
    /// </summary>
    /// <exception cref="VideoEncodingException">
    /// The file cannot be read, has no video stream, or ends before the packets its index lists (a download cut off).
    /// </exception>
    public async Task<VideoProbe> ProbePacketsAsync(string path, CancellationToken cancellationToken) =>
        (await ReadPacketsAsync(path, cancellationToken)).Video;

    /// <summary>
    /// <see cref="ProbePacketsAsync"/> with the number of video packets read, hidden ones included: what a stream copy
    /// of the file must write (<see cref="CopyStreamsAsync"/>).
    /// </summary>
    /// <exception cref="VideoEncodingException">As <see cref="ProbePacketsAsync"/>.</exception>
    public async Task<PacketProbe> ReadPacketsAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = await RunAsync("ffprobe", Ffprobe(), ["-v", "error", "-count_packets", "-select_streams", "v:0", "-show_entries", StreamFields + ":packet=flags", "-print_format", "json", path],
            $"ffprobe could not read \"{path}\"", keepStdout: true, cancellationToken);
        var packets = ProbeJson.Packets(json) ?? throw new VideoEncodingException($"\"{path}\" has no video stream.");
        if (packets.Listed > 0 && packets.Read < packets.Listed)
        {
            throw new VideoEncodingException($"ffprobe could not read \"{path}\": it ends after {packets.Read} of its {packets.Listed} video packets (cut short).");
        }

        return new PacketProbe(packets.Probe, packets.Read);
    }

    /// <summary>
    /// The first video and first audio stream of a file from its header alone (codec, size, rate, sample rate, a hash
    /// of each codec's setup, the container's name): one ffprobe that reads no packets, for deciding how to handle a file before touching it.
    /// </summary>
    /// <exception cref="VideoEncodingException">ffprobe cannot read the file (not media, damaged); the message names it.</exception>
    public async Task<MediaStreams> ProbeStreamsAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = await RunAsync("ffprobe", Ffprobe(), ["-v", "error", "-show_data_hash", "MD5",
            "-show_entries", "stream=codec_type,codec_name,pix_fmt,width,height,r_frame_rate,sample_rate,channels,duration,extradata_hash:stream_disposition=attached_pic:format=duration,format_name",
            "-print_format", "json", path],
            $"ffprobe could not read \"{path}\"", keepStdout: true, cancellationToken);
        return ProbeJson.Streams(json);
    }

    /// <summary>
    /// Copies the first video and the first audio stream (if any) into an MP4 without re-encoding, the index first so
    /// that a browser can start playing before the whole file has arrived. Returns the number of video packets written,
    /// as ffmpeg reports it on the same run (<c>-progress</c>): no second process reads the file back.
    /// </summary>
    /// <exception cref="VideoEncodingException">ffmpeg failed; the message has its last words.</exception>
    public Task<int> CopyStreamsAsync(string input, string outputMp4, CancellationToken cancellationToken) =>
        CopyStreamsAsync(input, outputMp4, poster: null, cancellationToken);

    /// <summary>
    /// <see cref="CopyStreamsAsync(string, string, CancellationToken)"/>, writing <paramref name="poster"/> (when given)
    /// from the same process, which then also decodes the video.
    /// </summary>
    /// <exception cref="VideoEncodingException">ffmpeg failed; the message has its last words.</exception>
    public Task<int> CopyStreamsAsync(string input, string outputMp4, PosterRequest? poster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(outputMp4);
        return RunCountingAsync(["-i", input, .. PosterGraph(poster, out var jpeg), "-map", "0:v:0", "-map", "0:a:0?",
            "-c", "copy", "-movflags", "+faststart", "-f", "mp4", outputMp4, .. jpeg], $"ffmpeg could not copy \"{input}\"", poster, cancellationToken);
    }

    /// <summary>
    /// Re-encodes the first video stream to H.264 yuv420p (and the first audio stream to AAC) into an MP4 with the index
    /// first, cut after <paramref name="seconds"/> when given. Decoding and encoding again is what makes the cut land on
    /// the exact frame: a stream copy could only cut at a keyframe, and vendor clips have them seconds apart. Returns the
    /// number of video frames encoded, as ffmpeg reports it on the same run (<c>-progress</c>).
    /// </summary>
    /// <exception cref="VideoEncodingException">ffmpeg failed; the message has its last words.</exception>
    public Task<int> ReencodeAsync(string input, string outputMp4, double? seconds, CancellationToken cancellationToken) =>
        ReencodeAsync(input, outputMp4, seconds, poster: null, cancellationToken);

    /// <summary>
    /// <see cref="ReencodeAsync(string, string, double?, CancellationToken)"/>, writing <paramref name="poster"/> (when
    /// given) from the same process and the same decoded frames (the source's, before the cut).
    /// </summary>
    /// <exception cref="VideoEncodingException">ffmpeg failed; the message has its last words.</exception>
    public Task<int> ReencodeAsync(string input, string outputMp4, double? seconds, PosterRequest? poster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(outputMp4);
        List<string> args = ["-i", input, .. PosterGraph(poster, out var jpeg), "-map", "0:v:0", "-map", "0:a:0?"];
        if (seconds is { } s)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(s, nameof(seconds));
            args.AddRange(["-t", s.ToString("0.######", CultureInfo.InvariantCulture)]);
        }

        args.AddRange(["-c:v", "libx264", "-preset", Options.Preset, "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k",
            "-movflags", "+faststart", "-f", "mp4", outputMp4, .. jpeg]);
        return RunCountingAsync(args, $"ffmpeg could not re-encode \"{input}\"", poster, cancellationToken);
    }

    /// <summary>
    /// Writes the frame shown at <paramref name="seconds"/> as a JPEG at most <paramref name="maxWidth"/> wide (never
    /// upscaled, even height) at ffmpeg's <c>-q:v</c> <paramref name="quality"/> (2 best … 31 worst).
    /// </summary>
    /// <exception cref="VideoEncodingException">No frame decodes there or the JPEG cannot be written.</exception>
    public Task PosterAsync(string input, string outputJpeg, double seconds, int maxWidth, int quality, CancellationToken cancellationToken)
    {
        var (scale, _) = new PosterRequest(outputJpeg, seconds, maxWidth, quality).Arguments();
        return StillAsync(input, outputJpeg, seconds, ["-vf", scale, "-q:v", quality.ToString(CultureInfo.InvariantCulture), "-f", "mjpeg"], "a poster", cancellationToken);
    }

    /// <summary>Writes the frame shown at <paramref name="seconds"/> as a full-size PNG.</summary>
    /// <exception cref="VideoEncodingException">No frame decodes there or the PNG cannot be written.</exception>
    public Task FrameAsync(string input, string outputPng, double seconds, CancellationToken cancellationToken) =>
        StillAsync(input, outputPng, seconds, ["-f", "image2", "-c:v", "png"], "a frame", cancellationToken);

    /// <summary>
    /// Decodes the first video stream as 8-bit grey frames of <paramref name="size"/> (scaled whatever the clip's own
    /// size and aspect) at <paramref name="rate"/> (ffmpeg's fps filter drops or repeats frames, so frame k is the one
    /// shown at k / rate seconds), for the first <paramref name="seconds"/> when given. Each frame is a new array of
    /// width × height bytes, rows top to bottom. Stopping the enumeration early stops ffmpeg.
    /// </summary>
    /// <exception cref="VideoEncodingException">The file cannot be decoded; the message names it and has ffmpeg's last words.</exception>
    public async IAsyncEnumerable<byte[]> ReadGreyFramesAsync(string input, FrameSize size, FrameRate rate, double? seconds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        List<string> args = ["-hide_banner", "-nostats", "-v", "error", "-nostdin"];
        if (seconds is { } s)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(s, nameof(seconds));
            args.AddRange(["-t", s.ToString("0.######", CultureInfo.InvariantCulture)]);
        }

        // The loop filter only smooths block edges, which a grey frame a few hundred pixels wide cannot show: skipping
        // it makes decoding an H.264 clip a good part cheaper.
        args.AddRange(["-i", input, "-map", "0:v:0", "-an", "-sn",
            "-vf", $"fps={rate},scale={size.Width}:{size.Height}:flags=area,format=gray", "-f", "rawvideo", "pipe:1"]);
        using var process = MediaProcess.Start("ffmpeg", Ffmpeg(), args, stdoutIsData: true);
        var stdout = process.StandardOutput;
        var failure = $"ffmpeg could not decode \"{input}\"";
        var ended = false;
        try
        {
            while (true)
            {
                var frame = new byte[size.PixelCount];
                var read = await stdout.ReadAtLeastAsync(frame, frame.Length, throwOnEndOfStream: false, cancellationToken);
                if (read < frame.Length)
                {
                    break;
                }

                yield return frame;
            }

            await process.WaitAsync(Options.CommandTimeout, cancellationToken);
            ended = true;
        }
        finally
        {
            if (!ended)
            {
                // Stopped early, cancelled or failed: nobody reads the rest, and an ffmpeg blocked on a full pipe would
                // never see a polite request to quit.
                process.Kill();
            }
        }

        if (process.ExitCode != 0)
        {
            var tail = process.StderrTail;
            throw new VideoEncodingException(string.IsNullOrWhiteSpace(tail)
                ? string.Create(CultureInfo.InvariantCulture, $"{failure}: ffmpeg exited with code {process.ExitCode}.")
                : $"{failure}: {tail}");
        }
    }

    /// <summary>
    /// Starts an ffmpeg that encodes raw RGBA frames of <paramref name="size"/> at <paramref name="rate"/>, piped to its
    /// stdin, to an H.264 yuv420p MP4 with the index first (see <see cref="FfmpegVideoWriter"/>).
    /// </summary>
    /// <exception cref="ToolNotFoundException">ffmpeg is missing.</exception>
    public FfmpegVideoWriter StartEncoder(string outputMp4, FrameSize size, FrameRate rate)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputMp4);
        var full = Path.GetFullPath(outputMp4);
        var folder = Path.GetDirectoryName(full)!;
        var program = Ffmpeg();
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.partial.mp4");
        var process = MediaProcess.Start("ffmpeg", program, EncoderArguments(size, rate, temp), stdinIsData: true);
        return new FfmpegVideoWriter(process, temp, full, size.PixelCount * 4);
    }

    /// <summary>The ffmpeg command line (after the program name) of <see cref="StartEncoder"/>.</summary>
    private List<string> EncoderArguments(FrameSize size, FrameRate rate, string output) =>
    [
        "-hide_banner", "-nostats", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "rgba", "-s", size.ToString(), "-framerate", rate.ToString(), "-i", "pipe:0",
        "-c:v", "libx264", "-preset", Options.Preset, "-crf", Options.Crf.ToString(CultureInfo.InvariantCulture),
        "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-an", "-f", "mp4", output,
    ];

    /// <summary>The full path of ffmpeg: the options', else <c>PREVIZ_FFMPEG</c>, else PATH.</summary>
    /// <exception cref="ToolNotFoundException">Not there.</exception>
    public string Ffmpeg() => Resolve("ffmpeg", Options.FfmpegPath ?? Environment.GetEnvironmentVariable(FfmpegVariable));

    /// <summary>The full path of ffprobe: the options', else <c>PREVIZ_FFPROBE</c>, else beside a configured ffmpeg, else PATH.</summary>
    /// <exception cref="ToolNotFoundException">Not there.</exception>
    public string Ffprobe()
    {
        var configured = Options.FfprobePath ?? Environment.GetEnvironmentVariable(FfprobeVariable);
        if (configured is null && Options.FfmpegPath is { } ffmpeg && Path.GetDirectoryName(ffmpeg) is { Length: > 0 } folder)
        {
            configured = Path.Combine(folder, "ffprobe");
        }

        return Resolve("ffprobe", configured);
    }

    private Task StillAsync(string input, string output, double seconds, IEnumerable<string> format, string what, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        PosterRequest.CheckTime(seconds, nameof(seconds));

        // -ss before -i seeks to the keyframe before and decodes up to the frame shown then; "-update 1" writes one
        // picture, not a numbered sequence.
        return RunFfmpegAsync(["-ss", seconds.ToString("0.######", CultureInfo.InvariantCulture), "-i", input, "-frames:v", "1", .. format, "-update", "1", output],
            $"ffmpeg could not make {what} of \"{input}\"", cancellationToken, mustWrite: output);
    }

    private async Task RunFfmpegAsync(IEnumerable<string> args, string failure, CancellationToken cancellationToken, string? mustWrite = null)
    {
        await RunAsync("ffmpeg", Ffmpeg(), ["-hide_banner", "-nostats", "-v", "error", "-y", .. args], failure, keepStdout: false, cancellationToken);
        if (mustWrite is not null && (!File.Exists(mustWrite) || new FileInfo(mustWrite).Length == 0))
        {
            // A time past the last frame: ffmpeg exits 0 having written nothing.
            throw new VideoEncodingException($"{failure}: no frame decodes at that time.");
        }
    }

    /// <summary>
    /// Runs ffmpeg with <c>-progress pipe:1</c> and returns the last <c>frame=</c> it reported: the frames (packets, for
    /// a copy) written to the first video output stream.
    /// </summary>
    /// <remarks>A poster that got no frame (its time past the end) is deleted, not an error: the video is the product.</remarks>
    private async Task<int> RunCountingAsync(IEnumerable<string> args, string failure, PosterRequest? poster, CancellationToken cancellationToken)
    {
        var progress = await RunAsync("ffmpeg", Ffmpeg(), ["-hide_banner", "-nostats", "-v", "error", "-y", "-progress", "pipe:1", .. args], failure, keepStdout: true, cancellationToken);
        var frames = -1;
        foreach (var line in progress.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("frame=", StringComparison.Ordinal) && int.TryParse(line.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                frames = n;
            }
        }

        if (poster is not null && File.Exists(poster.OutputJpeg) && new FileInfo(poster.OutputJpeg).Length == 0)
        {
            File.Delete(poster.OutputJpeg);
        }

        return frames >= 0 ? frames : throw new VideoEncodingException($"{failure}: ffmpeg reported no frame count.");
    }

    /// <summary>
    /// Runs one ffmpeg command built by a caller in this assembly (the animatic's concat or filter graph), reporting the
    /// fraction done from its <c>-progress</c> output as it goes: frames written of <paramref name="expectedFrames"/>.
    /// Returns the last frame count ffmpeg reported. Cancellation and <see cref="FfmpegOptions.CommandTimeout"/> stop the
    /// child as every other command here does; the caller owns (and deletes) the files it names.
    /// </summary>
    /// <exception cref="VideoEncodingException">ffmpeg failed; the message has its last words.</exception>
    internal async Task<int> RunWithProgressAsync(IReadOnlyList<string> args, int expectedFrames, IProgress<double>? progress, string failure, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = MediaProcess.Start("ffmpeg", Ffmpeg(), ["-hide_banner", "-nostats", "-v", "error", "-y", "-progress", "pipe:1", .. args], stdoutIsData: true);
        var reading = ReadProgressAsync(process.StandardOutput, expectedFrames, progress);
        int frames;
        try
        {
            await process.WaitAsync(Options.CommandTimeout, cancellationToken);
        }
        finally
        {
            // The child is gone either way (finished or stopped), so its stdout ends and the reader with it.
            frames = await reading;
        }

        if (process.ExitCode != 0)
        {
            var tail = process.StderrTail;
            throw new VideoEncodingException(string.IsNullOrWhiteSpace(tail)
                ? string.Create(CultureInfo.InvariantCulture, $"{failure}: ffmpeg exited with code {process.ExitCode}.")
                : $"{failure}: {tail}");
        }

        return frames >= 0 ? frames : throw new VideoEncodingException($"{failure}: ffmpeg reported no frame count.");
    }

    private static async Task<int> ReadProgressAsync(Stream stdout, int expectedFrames, IProgress<double>? progress)
    {
        using var reader = new StreamReader(stdout);
        var frames = -1;
        var reported = -1.0;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(CancellationToken.None);
            }
            catch (IOException)
            {
                // A killed child's pipe can break rather than end: what was read is all there is.
                break;
            }

            if (line is null)
            {
                break;
            }

            if (line.StartsWith("frame=", StringComparison.Ordinal) && int.TryParse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                frames = n;
                var fraction = expectedFrames > 0 ? Math.Clamp((double)n / expectedFrames, 0, 1) : 0;
                if (fraction > reported)
                {
                    reported = fraction;
                    progress?.Report(fraction);
                }
            }
        }

        return frames;
    }

    /// <summary>
    /// For a poster: a filter graph on the decoded first video stream keeping the frames from the poster's time on
    /// (as "-ss" before "-i" does for a poster of its own), scaled, and (<paramref name="jpeg"/>) an output that writes
    /// its first frame. The video output maps the stream itself, so it is copied or encoded as before.
    /// </summary>
    private static string[] PosterGraph(PosterRequest? poster, out string[] jpeg)
    {
        if (poster is null)
        {
            jpeg = [];
            return [];
        }

        var (scale, output) = poster.Arguments();
        jpeg = ["-map", "[poster]", .. output];
        return ["-filter_complex", $"[0:v:0]trim=start={poster.Time},{scale}[poster]"];
    }

    private async Task<string> RunAsync(string tool, string program, IReadOnlyList<string> args, string failure, bool keepStdout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = MediaProcess.Start(tool, program, args, keepStdout: keepStdout);
        var output = await process.WaitAsync(Options.CommandTimeout, cancellationToken);
        if (process.ExitCode == 0)
        {
            return output;
        }

        var tail = process.StderrTail;
        throw new VideoEncodingException(string.IsNullOrWhiteSpace(tail)
            ? string.Create(CultureInfo.InvariantCulture, $"{failure}: {tool} exited with code {process.ExitCode}.")
            : $"{failure}: {tail}");
    }

    private static string Resolve(string tool, string? configured)
    {
        var wanted = string.IsNullOrWhiteSpace(configured) ? tool : configured;
        if (wanted.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(wanted);
            return File.Exists(full) ? full : throw new ToolNotFoundException(tool, full);
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, wanted);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ToolNotFoundException(tool, wanted);
    }
}
