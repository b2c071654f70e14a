using System.ComponentModel;
using System.Diagnostics;

namespace Previz.Rendering.Video;

/// <summary>
/// One ffmpeg or ffprobe child process of <see cref="MediaTool"/>: started with its standard streams redirected,
/// stdout and stderr read as they come (a child blocked on a full pipe would never exit), the last stderr lines kept
/// for error messages. Stopping asks first and kills after a grace period: an ffmpeg asked to quit closes its files
/// and its codecs' threads, a killed one may leave a half-written temporary file, which the callers delete anyway.
/// </summary>
internal sealed class MediaProcess : IDisposable
{
    /// <summary>How long a child asked to stop gets before it is killed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly StderrTail _stderr = new();
    private readonly Task<string> _stdout;
    private readonly bool _answersQuit;
    private int _stopped;

    private MediaProcess(Process process, string tool, bool stdinIsData, bool keepStdout, bool stdoutIsData)
    {
        _process = process;
        Tool = tool;
        // ffmpeg reads keys from a stdin that carries no input and quits on "q"; ffprobe reads none.
        _answersQuit = tool == "ffmpeg" && !stdinIsData;
        _stderr.Attach(process);
        _stdout = stdoutIsData
            ? Task.FromResult("")
            : keepStdout
            ? process.StandardOutput.ReadToEndAsync(CancellationToken.None)
            : process.StandardOutput.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => "", TaskScheduler.Default);
    }

    /// <summary>The program's name, e.g. "ffmpeg", for messages.</summary>
    public string Tool { get; }

    /// <summary>The child's stdin: raw frames for an encoder; for a command, the channel its stop request goes down.</summary>
    public Stream StandardInput => _process.StandardInput.BaseStream;

    /// <summary>The child's stdout, for a caller that started it with <c>stdoutIsData</c> and reads it (raw frames).</summary>
    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    /// <summary>The last lines the child wrote to stderr.</summary>
    public string StderrTail => _stderr.ToString();

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="program"/>. <paramref name="stdinIsData"/>: stdin carries input (raw frames), so closing
    /// it is how the child is told the input has ended; otherwise an ffmpeg child reads "q" from it as a request to stop.
    /// <paramref name="stdoutIsData"/>: stdout carries output (raw frames) that the caller reads from
    /// <see cref="StandardOutput"/>; otherwise it is read here, kept (<paramref name="keepStdout"/>) or dropped.
    /// </summary>
    /// <exception cref="ToolNotFoundException">The program cannot be started.</exception>
    public static MediaProcess Start(string tool, string program, IEnumerable<string> arguments, bool stdinIsData = false, bool keepStdout = false, bool stdoutIsData = false)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ToolNotFoundException(tool, program);
        }
        catch (Win32Exception e)
        {
            throw new ToolNotFoundException(tool, program, e);
        }

        return new MediaProcess(process, tool, stdinIsData, keepStdout, stdoutIsData);
    }

    /// <summary>
    /// Waits for the child to exit and returns what it wrote to stdout (empty unless kept). On cancellation, or when
    /// <paramref name="timeout"/> passes first, the child is stopped (<see cref="StopAsync"/>) before this throws.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the child is gone.</exception>
    /// <exception cref="VideoEncodingException">The timeout passed; the child is gone.</exception>
    public async Task<string> WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t && t != Timeout.InfiniteTimeSpan)
        {
            limit.CancelAfter(t);
        }

        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync();
            throw new VideoEncodingException($"{Tool} did not finish within {timeout}, so it was stopped.{Tail()}");
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
            throw;
        }

        return await _stdout;
    }

    /// <summary>
    /// Asks the child to stop ("q" for an ffmpeg command; an ffprobe or an encoder whose frames are unwanted has
    /// nothing worth finishing), kills it (and anything it started) if it is still there after the grace period, and
    /// waits until it is gone. Safe to call more than once.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || HasExited())
        {
            await WaitGoneAsync();
            return;
        }

        if (_answersQuit)
        {
            try
            {
                await _process.StandardInput.WriteAsync('q');
                await _process.StandardInput.FlushAsync();
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(StopGrace);
                await _process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The pipe is gone or the grace period passed: kill below.
            }
        }

        Kill();
        await WaitGoneAsync();
    }

    /// <summary>Kills the child and anything it started, now.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        if (!HasExited())
        {
            Kill();
        }

        _process.Dispose();
    }

    /// <summary>The stderr tail on lines of its own after a message, or nothing when the child wrote none.</summary>
    public string Tail()
    {
        var tail = StderrTail;
        return string.IsNullOrWhiteSpace(tail) ? "" : Environment.NewLine + tail;
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private async Task WaitGoneAsync()
    {
        // A killed child goes at once; the bound only keeps a stuck kernel from hanging the caller.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
        }
    }
}
