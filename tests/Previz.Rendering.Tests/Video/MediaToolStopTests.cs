using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>A cancelled or overdue command leaves no child process behind.</summary>
public sealed class MediaToolStopTests
{
    [Fact]
    public async Task Cancelling_a_re_encode_stops_its_ffmpeg_child()
    {
        // "slower" on 10 s of 640×360 takes seconds: long enough to be caught running.
        var media = new MediaTool(new FfmpegOptions { Preset = "slower" });
        var output = TestVideos.Output(".mp4");
        using var cancel = new CancellationTokenSource();

        var work = media.ReencodeAsync(TestVideos.Long, output, null, cancel.Token);
        var child = await ChildWritingAsync(output, work);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
        Assert.False(IsRunning(child), $"ffmpeg {child} still runs after the cancelled call returned");
    }

    [Fact]
    public async Task A_command_that_outlasts_its_timeout_is_stopped_and_says_so()
    {
        var media = new MediaTool(new FfmpegOptions { Preset = "slower", CommandTimeout = TimeSpan.FromMilliseconds(300) });
        var output = TestVideos.Output(".mp4");

        var work = media.ReencodeAsync(TestVideos.Long, output, null, CancellationToken.None);
        var child = await ChildWritingAsync(output, work);
        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => work);

        Assert.StartsWith("ffmpeg did not finish within 00:00:00.3", error.Message, StringComparison.Ordinal);
        Assert.False(IsRunning(child), $"ffmpeg {child} still runs after the call timed out");
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_starts_no_child()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MediaTool.Default.ProbeAsync(TestVideos.H264, cancelled.Token));
    }

    /// <summary>The id of this process's child whose command line names <paramref name="output"/>, once it runs.</summary>
    private static async Task<int> ChildWritingAsync(string output, Task work)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(work.IsCompleted, "the command finished before it could be stopped");
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(folder), out var pid) && Read($"{folder}/cmdline").Contains(output, StringComparison.Ordinal)
                    && ParentOf(pid) == Environment.ProcessId)
                {
                    return pid;
                }
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"no child process writing {output} appeared");
    }

    private static int ParentOf(int pid)
    {
        // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so count from its closing parenthesis.
        var stat = Read($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : -1;
    }

    /// <summary>Running, not a zombie waiting to be reaped (the runtime reaps its children as they exit).</summary>
    private static bool IsRunning(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length > 0 && stat[(stat.LastIndexOf(')') + 2)] != 'Z';
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
