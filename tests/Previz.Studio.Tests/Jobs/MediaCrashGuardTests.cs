using System.Diagnostics;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;

namespace Previz.Studio.Tests.Jobs;

/// <summary>The per-process log that sends a generation's media work to ffmpeg processes after it ended a server.</summary>
public sealed class MediaCrashGuardTests : IDisposable
{
    private readonly DataFolder _folder;

    public MediaCrashGuardTests()
    {
        _folder = new DataFolder(Directory.CreateTempSubdirectory("previz-media-guard-").FullName);
        _folder.Create();
    }

    public void Dispose() => Directory.Delete(_folder.Root, recursive: true);

    [Fact]
    public void What_a_dead_process_was_working_on_goes_to_the_processes_once()
    {
        var (working, finished, alsoWorking, never) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var log = Path.Combine(_folder.MediaGuard, DeadProcess.LogName());
        File.WriteAllText(log, $"+{working:N}\n+{finished:N}\n-{finished:N}\n+{alsoWorking:N}\n");
        using var guard = new MediaCrashGuard(_folder);

        Assert.True(guard.StoppedBefore(working));
        Assert.True(guard.StoppedBefore(alsoWorking));
        Assert.False(guard.StoppedBefore(finished));
        Assert.False(guard.StoppedBefore(never));
        Assert.False(File.Exists(log));

        // The next attempt's media work, whatever its outcome, clears the way for the one after it.
        guard.Enter(working).Dispose();
        Assert.False(guard.StoppedBefore(working));
        Assert.True(guard.StoppedBefore(alsoWorking));
    }

    [Fact]
    public void A_marker_that_no_attempt_came_for_goes_after_a_day()
    {
        var (forgotten, recent) = (Guid.NewGuid(), Guid.NewGuid());
        DeadProcess.WriteLog(_folder.MediaGuard, forgotten, recent);
        using (var guard = new MediaCrashGuard(_folder))
        {
            Assert.True(guard.StoppedBefore(forgotten));
        }

        var marker = Path.Combine(_folder.MediaGuard, $"{forgotten:N}");
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow - MediaCrashGuard.MarkerLifetime - TimeSpan.FromMinutes(1));
        using (var guard = new MediaCrashGuard(_folder))
        {
            Assert.False(guard.StoppedBefore(forgotten));
            Assert.True(guard.StoppedBefore(recent));
        }
    }

    [Fact]
    public void The_log_of_a_live_process_is_left_alone_until_the_process_is_gone()
    {
        var id = Guid.NewGuid();
        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var log = Path.Combine(_folder.MediaGuard, MediaCrashGuard.LogName(Environment.MachineName, other.Id, other.StartTime.ToUniversalTime()));
        File.WriteAllText(log, $"+{id:N}\n");

        using (var guard = new MediaCrashGuard(_folder))
        {
            Assert.False(guard.StoppedBefore(id));
            Assert.True(File.Exists(log));
        }

        other.Kill();
        other.WaitForExit();
        using (var guard = new MediaCrashGuard(_folder))
        {
            Assert.True(guard.StoppedBefore(id));
        }
    }

    [Fact]
    public void A_process_logs_what_is_in_flight_and_empties_its_log_when_nothing_is()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        using var guard = new MediaCrashGuard(_folder);
        var one = guard.Enter(first);
        var two = guard.Enter(second);
        one.Dispose();
        var log = Assert.Single(Directory.GetFiles(_folder.MediaGuard));
        Assert.Equal($"+{first:N}\n+{second:N}\n-{first:N}\n", ReadShared(log));

        // Were this process to die now, the log would name the second generation only.
        two.Dispose();
        Assert.Equal(string.Empty, ReadShared(log));
        guard.Enter(first).Dispose();
        Assert.Equal(string.Empty, ReadShared(log));

        // A clean stop leaves nothing behind.
        guard.Dispose();
        Assert.Empty(Directory.GetFiles(_folder.MediaGuard));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
