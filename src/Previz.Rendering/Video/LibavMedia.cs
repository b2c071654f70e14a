using System.Runtime.InteropServices;

namespace Previz.Rendering.Video;

/// <summary>
/// Probe, stream copy and poster with FFmpeg's own libraries inside this process (libprevizmedia.so, built from
/// native/previz-media with Previz.Rendering) instead of an ffprobe or ffmpeg process per call: starting Debian's
/// ffprobe alone costs about 170 ms of CPU (it links 215 shared libraries), more than the work on a short clip. Same
/// libraries, same figures and files. Callers keep the processes as the fallback when <see cref="IsAvailable"/> is false.
/// </summary>
public static class LibavMedia
{
    /// <summary>Set to 1 to launch ffprobe/ffmpeg processes even when the library is there (to compare, or to rule it out).</summary>
    public const string ProcessesVariable = "PREVIZ_MEDIA_PROCESSES";

    private const int ErrorCapacity = 1024;

    private static readonly Lazy<bool> Loaded = new(Load);

    /// <summary>
    /// No more calls at once than cores: the work is CPU-bound, and each call holds a few MB of FFmpeg's buffers, so
    /// hundreds of jobs finishing together neither block as many pool threads nor add up that memory.
    /// </summary>
    private static readonly SemaphoreSlim Slots = new(Environment.ProcessorCount);

    /// <summary>Whether media work runs in-process: the library loaded (tried once) and <c>PREVIZ_MEDIA_PROCESSES</c> is not 1.</summary>
    public static bool IsAvailable => Environment.GetEnvironmentVariable(ProcessesVariable) != "1" && Loaded.Value;

    /// <summary>The library's and the FFmpeg libraries' versions, or null when it did not load.</summary>
    public static string? Version => Loaded.Value ? Marshal.PtrToStringUTF8(LibavNative.Version()) : null;

    /// <summary>
    /// Whether a call with these options runs in-process: available, not turned off in the options
    /// (<see cref="FfmpegOptions.InProcess"/>), and no particular ffmpeg or ffprobe program named (in the options,
    /// <c>PREVIZ_FFMPEG</c> or <c>PREVIZ_FFPROBE</c>), since whoever names a program wants that one.
    /// </summary>
    public static bool IsUsedFor(FfmpegOptions? options) =>
        options?.InProcess != false
        && options?.FfmpegPath is null && options?.FfprobePath is null
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FfmpegLocator.FfmpegVariable))
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FfmpegLocator.FfprobeVariable))
        && IsAvailable;

    /// <summary>What <c>ffprobe -count_frames</c> reports about the first video stream, every frame decoded.</summary>
    /// <exception cref="VideoEncodingException">The file cannot be read or has no video stream; the message names it.</exception>
    public static Task<VideoProbe> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireLoaded();
        return RunAsync(cancel => Probe(path, ProbeDepth.EveryFrame, cancel, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The same figures as <see cref="ProbeAsync"/> without decoding every frame: the packets are read and counted and
    /// only the first frame is decoded (<c>ffprobe -count_packets</c>). <see cref="VideoProbe.FrameCount"/> is the
    /// number of packets shown, 0 when the first frame does not decode.
    /// </summary>
    /// <exception cref="VideoEncodingException">The file cannot be read, has no video stream, or ends before its index does.</exception>
    public static Task<VideoProbe> ProbePacketsAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireLoaded();
        return RunAsync(cancel => Probe(path, ProbeDepth.PacketsAndFirstFrame, cancel, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// <see cref="ProbePacketsAsync"/> without decoding even the first frame: for a stream copy, whose packets are the
    /// ones already probed (at 1080p that first frame was most of a packet probe's 10 ms). <see cref="VideoProbe.FrameCount"/>
    /// is the number of packets shown. An MP4 is read from its header alone, without the decoding ffprobe does for its
    /// stream info (14 of 17 ms on a 1080p clip), so its <see cref="VideoProbe.PixelFormat"/> is "unknown".
    /// </summary>
    /// <exception cref="VideoEncodingException">The file cannot be read, has no video stream, or ends before its index does.</exception>
    public static Task<VideoProbe> CountPacketsAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireLoaded();
        return RunAsync(cancel => Probe(path, ProbeDepth.PacketsOnly, cancel, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Copies the first video and the first audio stream (if any) into an MP4 without re-encoding, the index first with
    /// <paramref name="faststart"/>: <c>ffmpeg -i in -map 0:v:0 -map 0:a:0? -c copy -movflags +faststart -f mp4 out</c>.
    /// </summary>
    /// <exception cref="VideoEncodingException">The input cannot be read or the MP4 cannot be written.</exception>
    public static Task RemuxAsync(string input, string output, bool faststart, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        RequireLoaded();
        return RunAsync(cancel => Remux(input, output, faststart, cancel, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Writes the frame shown at <paramref name="seconds"/> (the last one of a shorter clip) as a JPEG at most
    /// <paramref name="maxWidth"/> wide with an even height, never upscaled, at ffmpeg's <c>-q:v</c>
    /// <paramref name="quality"/> (2 best … 31 worst): <c>ffmpeg -ss T -i in -frames:v 1 -vf "scale='min(W,iw)':-2" -q:v Q</c>.
    /// </summary>
    /// <exception cref="VideoEncodingException">No frame decodes or the JPEG cannot be written.</exception>
    public static Task PosterAsync(string input, string outputJpeg, double seconds, int maxWidth, int quality, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(outputJpeg);
        if (!double.IsFinite(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The time must be a finite number of seconds.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 31);
        RequireLoaded();
        return RunAsync(cancel => Poster(input, outputJpeg, seconds, maxWidth, quality, cancel, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// FFmpeg blocks until it is done: on the thread pool once a slot is free, never the caller's thread. The call gets
    /// the address of a flag that cancelling sets, which FFmpeg checks between packets, so a cancelled job does not
    /// wait for the whole decode.
    /// </summary>
    private static async Task<T> RunAsync<T>(Func<nint, T> call, CancellationToken cancellationToken)
    {
        await Slots.WaitAsync(cancellationToken);
        try
        {
            // Pinned: the native side reads it while the garbage collector runs.
            var cancelled = GC.AllocateArray<int>(1, pinned: true);
            using var registration = cancellationToken.Register(() => Volatile.Write(ref cancelled[0], 1));
            return await Task.Run(() => call(Marshal.UnsafeAddrOfPinnedArrayElement(cancelled, 0)), cancellationToken);
        }
        finally
        {
            Slots.Release();
        }
    }

    private static async Task RunAsync(Action<nint> call, CancellationToken cancellationToken) => await RunAsync(cancel =>
    {
        call(cancel);
        return true;
    }, cancellationToken);

    internal static unsafe VideoProbe Probe(string path, ProbeDepth depth, nint cancel, CancellationToken cancellationToken)
    {
        var info = default(LibavVideoInfo);
        var error = stackalloc byte[ErrorCapacity];
        var full = Path.GetFullPath(path);
        var code = depth switch
        {
            ProbeDepth.EveryFrame => LibavNative.Probe(full, &info, (int*)cancel, error, ErrorCapacity),
            ProbeDepth.PacketsAndFirstFrame => LibavNative.ProbePackets(full, &info, (int*)cancel, error, ErrorCapacity),
            _ => LibavNative.CountPackets(full, &info, (int*)cancel, error, ErrorCapacity),
        };
        return code switch
        {
            LibavNative.Ok => info.ToProbe(),
            LibavNative.NoVideo => throw new VideoEncodingException($"\"{path}\" has no video stream."),
            LibavNative.Cancelled => throw new OperationCanceledException(cancellationToken),
            _ => throw new VideoEncodingException($"FFmpeg could not read \"{path}\": {Text(error)}"),
        };
    }

    private static unsafe void Remux(string input, string output, bool faststart, nint cancel, CancellationToken cancellationToken)
    {
        var error = stackalloc byte[ErrorCapacity];
        switch (LibavNative.Remux(Path.GetFullPath(input), Path.GetFullPath(output), faststart ? 1 : 0, (int*)cancel, error, ErrorCapacity))
        {
            case LibavNative.Ok:
                return;
            case LibavNative.NoVideo:
                throw new VideoEncodingException($"\"{input}\" has no video stream.");
            case LibavNative.Cancelled:
                throw new OperationCanceledException(cancellationToken);
            default:
                throw new VideoEncodingException($"FFmpeg could not copy \"{input}\" to \"{output}\": {Text(error)}");
        }
    }

    private static unsafe void Poster(string input, string outputJpeg, double seconds, int maxWidth, int quality, nint cancel, CancellationToken cancellationToken)
    {
        var error = stackalloc byte[ErrorCapacity];
        switch (LibavNative.Poster(Path.GetFullPath(input), Path.GetFullPath(outputJpeg), seconds, maxWidth, quality, (int*)cancel, error, ErrorCapacity))
        {
            case LibavNative.Ok:
                return;
            case LibavNative.NoVideo:
                throw new VideoEncodingException($"\"{input}\" has no video stream.");
            case LibavNative.Cancelled:
                throw new OperationCanceledException(cancellationToken);
            default:
                throw new VideoEncodingException($"FFmpeg could not make a poster of \"{input}\": {Text(error)}");
        }
    }

    private static unsafe string Text(byte* error) => Marshal.PtrToStringUTF8((nint)error) ?? "";

    private static void RequireLoaded()
    {
        if (!Loaded.Value)
        {
            throw new InvalidOperationException($"{LibavNative.FileName} is not loaded: check LibavMedia.IsAvailable first.");
        }
    }

    /// <summary>Loads the library from beside the application (where the build copies it), once.</summary>
    private static bool Load()
    {
        var assembly = typeof(LibavMedia).Assembly;
        foreach (var folder in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(assembly.Location) })
        {
            if (string.IsNullOrEmpty(folder) || !NativeLibrary.TryLoad(Path.Combine(folder, LibavNative.FileName), out var handle))
            {
                continue;
            }

            // The [LibraryImport]s resolve to this very file, not to whatever the system's search would find.
            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => name == LibavNative.Library ? handle : 0);
            unsafe
            {
                // A library built from another version of the header would misread the struct, and an older one
                // lacks the packet probe or the packet count: the processes then.
                return LibavNative.VideoInfoSize() == sizeof(LibavVideoInfo) && NativeLibrary.TryGetExport(handle, "pvm_probe_packets", out _)
                    && NativeLibrary.TryGetExport(handle, "pvm_count_packets", out _);
            }
        }

        return false;
    }

    /// <summary>How much of the stream a probe decodes.</summary>
    internal enum ProbeDepth
    {
        EveryFrame,
        PacketsAndFirstFrame,
        PacketsOnly,
    }
}
