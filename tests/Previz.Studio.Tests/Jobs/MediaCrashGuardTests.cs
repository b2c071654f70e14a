using Previz.Studio.Hosting;
using Previz.Studio.Jobs;

namespace Previz.Studio.Tests.Jobs;

/// <summary>The marker that sends a generation's media work to ffmpeg processes after it ended a server.</summary>
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
    public void The_marker_stands_while_the_work_runs_and_only_a_process_that_dies_in_it_leaves_it()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        var guard = new MediaCrashGuard(_folder);
        // The next process sees only what is on disk: a guard of its own over the same folder.
        var nextProcess = new MediaCrashGuard(_folder);
        Assert.False(nextProcess.StoppedBefore(id));

        using (guard.Enter(id))
        {
            Assert.True(nextProcess.StoppedBefore(id));
            Assert.False(nextProcess.StoppedBefore(other));
        }

        Assert.False(nextProcess.StoppedBefore(id));

        // An exception is not a crash: the work failed in this process, which is still there to report it.
        Action failing = () =>
        {
            using (guard.Enter(id))
            {
                throw new InvalidOperationException("The clip is not a video.");
            }
        };
        Assert.Throws<InvalidOperationException>(failing);
        Assert.False(nextProcess.StoppedBefore(id));

        // A scope never disposed is what a process killed inside it leaves.
        _ = guard.Enter(other);
        Assert.True(nextProcess.StoppedBefore(other));
        Assert.Equal([Path.Combine(_folder.MediaGuard, $"{other:N}")], Directory.GetFiles(_folder.MediaGuard));
    }
}
