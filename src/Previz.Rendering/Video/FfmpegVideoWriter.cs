using System.ComponentModel;
using System.Diagnostics;
using Previz.Rendering.Framing;

namespace Previz.Rendering.Video;

/// <summary>
/// Encodes raw RGBA frames to an H.264 MP4 (yuv420p, +faststart) by piping them to ffmpeg's stdin. ffmpeg writes to a
/// hidden temporary file beside the output, which replaces the output only when <see cref="CompleteAsync"/> succeeds;
/// disposing the writer before that (failure, cancellation) kills ffmpeg and deletes the temporary file. Frames go
/// down the pipe from a thread of the writer's own with blocking writes (see <see cref="PipeFeeder"/>): async pipe
/// writes wake the thread pool for every 64 KiB and cost more CPU than rendering the frame.
/// </summary>
public sealed class FfmpegVideoWriter : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly StderrTail _stderr = new();
    private readonly string _tempPath;
    private readonly string _outputPath;
    private readonly int _frameBytes;
    private readonly PipeFeeder _feeder;
    private readonly Thread _feedThread;
    private readonly SemaphoreSlim _job = new(0);
    private ReadOnlyMemory<byte> _pending;
    private TaskCompletionSource? _written;
    private volatile bool _closing;
    private bool _completed;

    private FfmpegVideoWriter(Process process, string tempPath, string outputPath, int frameBytes)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _tempPath = tempPath;
        _outputPath = outputPath;
        _frameBytes = frameBytes;
        _stderr.Attach(process);
        _feeder = new PipeFeeder(_stdin);
        _feedThread = new Thread(Feed) { IsBackground = true, Name = "ffmpeg feed" };
        _feedThread.Start();
    }

    public int FramesWritten { get; private set; }

    /// <summary>Starts ffmpeg for frames of <paramref name="size"/> at <paramref name="rate"/>; throws <see cref="ToolNotFoundException"/> when ffmpeg is missing.</summary>
    public static FfmpegVideoWriter Start(string outputPath, FrameSize size, FrameRate rate, FfmpegOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        options ??= FfmpegOptions.Default;
        var ffmpeg = FfmpegLocator.Ffmpeg(options);
        var full = Path.GetFullPath(outputPath);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.partial.mp4");

        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var arg in Arguments(size, rate, options, temp))
        {
            info.ArgumentList.Add(arg);
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

        return new FfmpegVideoWriter(process, temp, full, size.PixelCount * 4);
    }

    /// <summary>The ffmpeg command line (after the program name) for these settings.</summary>
    public static IReadOnlyList<string> Arguments(FrameSize size, FrameRate rate, FfmpegOptions options, string output)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgba", "-s", size.ToString(), "-framerate", rate.ToString(), "-i", "pipe:0",
            "-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-an", "-f", "mp4", output,
        ];
    }

    /// <summary>Sends one frame (width × height × 4 bytes of RGBA).</summary>
    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgba, CancellationToken cancellationToken = default)
    {
        if (rgba.Length != _frameBytes)
        {
            throw new ArgumentException($"A frame must be {_frameBytes} bytes, not {rgba.Length}.", nameof(rgba));
        }

        ObjectDisposedException.ThrowIf(_closing, this);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending = rgba;
        _written = written;
        _job.Release();
        try
        {
            // The frame's memory is the caller's again only once the feed thread has written it all.
            await written.Task.WaitAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw await FailureAsync("ffmpeg stopped reading frames", e);
        }

        FramesWritten++;
    }

    private void Feed()
    {
        while (true)
        {
            _job.Wait();
            if (_closing)
            {
                return;
            }

            var written = _written!;
            try
            {
                _feeder.Write(_pending.Span);
                _pending = default;
                written.SetResult();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _pending = default;
                written.SetException(e is IOException ? e : new IOException("The pipe to ffmpeg was closed.", e));
            }
        }
    }

    /// <summary>Ends the feed thread (after any write in progress: its frame's memory stays untouched after this).</summary>
    private void StopFeeding()
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        _job.Release();
        _feedThread.Join();
    }

    /// <summary>Ends the input, waits for ffmpeg to finish the file and moves it into place.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        StopFeeding();
        try
        {
            await _stdin.FlushAsync(cancellationToken);
            _stdin.Close();
        }
        catch (IOException e)
        {
            throw await FailureAsync("ffmpeg stopped reading frames", e);
        }

        await _process.WaitForExitAsync(cancellationToken);
        if (_process.ExitCode != 0)
        {
            throw await FailureAsync($"ffmpeg exited with code {_process.ExitCode}", null);
        }

        File.Move(_tempPath, _outputPath, overwrite: true);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                }

                await _process.WaitForExitAsync(CancellationToken.None);
                StopFeeding();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            TryDelete(_tempPath);
        }

        try
        {
            _stdin.Dispose();
        }
        catch (IOException)
        {
            // The pipe is broken when ffmpeg has died; nothing left to flush.
        }

        StopFeeding();
        _process.Dispose();
        _job.Dispose();
    }

    private async Task<VideoEncodingException> FailureAsync(string what, Exception? inner)
    {
        // Give ffmpeg a moment to exit so that its last words reach the stderr tail.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var tail = _stderr.ToString();
        var message = string.IsNullOrWhiteSpace(tail) ? $"{what}." : $"{what}:{Environment.NewLine}{tail}";
        return inner is null ? new VideoEncodingException(message) : new VideoEncodingException(message, inner);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
