using System.Diagnostics;
using System.Runtime.InteropServices;
using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>Cancelling stops FFmpeg between packets, as killing the process stopped ffprobe.</summary>
[Collection(ProcessWideMediaTests.Name)] // alone: the timing needs the media slots free
public sealed class InProcessCancellationTests
{
    [Fact]
    public void A_set_cancel_flag_stops_the_library_before_it_decodes()
    {
        Assert.NotNull(LibavMedia.Version);
        var flag = GC.AllocateArray<int>(1, pinned: true);
        flag[0] = 1;

        Assert.Throws<OperationCanceledException>(() => LibavMedia.Probe(TestVideos.H264, Marshal.UnsafeAddrOfPinnedArrayElement(flag, 0), CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_a_long_probe_stops_it_partway()
    {
        var clip = TestVideos.Long;
        var clock = Stopwatch.StartNew();
        Assert.Equal(300, (await LibavMedia.ProbeAsync(clip, CancellationToken.None)).FrameCount);
        var whole = clock.Elapsed;
        using var cancel = new CancellationTokenSource();

        clock.Restart();
        var probe = LibavMedia.ProbeAsync(clip, cancel.Token);
        await Task.Delay(whole / 4);
        await cancel.CancelAsync();

        // Had the flag not reached FFmpeg, the probe would have finished with its figures instead.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe);
        Assert.True(clock.Elapsed < whole, $"cancelled after {clock.Elapsed.TotalMilliseconds:0} ms; the whole probe takes {whole.TotalMilliseconds:0} ms");
    }
}
