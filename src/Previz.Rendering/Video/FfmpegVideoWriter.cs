namespace Previz.Rendering.Video;

/// <summary>
/// An encode from frames started by <see cref="MediaTool.StartEncoder"/>: raw RGBA frames piped to ffmpeg's stdin,
/// written as an H.264 MP4 (yuv420p, +faststart) to a hidden temporary file beside the output, which replaces the
/// output only when <see cref="CompleteAsync"/> succeeds; disposing the writer before that (failure, cancellation)
/// kills ffmpeg, whose half-encoded file is unwanted, and deletes the temporary file. Frames go down the pipe from a
/// thread of the writer's own with blocking writes (see <see cref="PipeFeeder"/>): async pipe writes wake the thread
/// pool for every 64 KiB and cost more CPU than rendering the frame.
/// </summary>
public sealed class FfmpegVideoWriter : IAsyncDisposable
{
    private readonly MediaProcess _process;
    private readonly Stream _stdin;
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

    internal FfmpegVideoWriter(MediaProcess process, string tempPath, string outputPath, int frameBytes)
    {
        _process = process;
        _stdin = process.StandardInput;
        _tempPath = tempPath;
        _outputPath = outputPath;
        _frameBytes = frameBytes;
        _feeder = new PipeFeeder(_stdin);
        _feedThread = new Thread(Feed) { IsBackground = true, Name = "ffmpeg feed" };
        _feedThread.Start();
    }

    public int FramesWritten { get; private set; }

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

        // No timeout: the frames are all in, and x264 needs as long as the shot's length asks.
        await _process.WaitAsync(null, cancellationToken);
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
            await _process.StopAsync();
            StopFeeding();
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
        try
        {
            await _process.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (VideoEncodingException)
        {
            // Still running after that: stopped, and the tail is what it wrote so far.
        }

        var tail = _process.StderrTail;
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
