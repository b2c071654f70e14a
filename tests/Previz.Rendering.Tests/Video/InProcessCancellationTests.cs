using System.Diagnostics;
using System.Runtime.InteropServices;
using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>Cancelling stops FFmpeg between packets, as killing the process stopped ffprobe.</summary>
[Collection(ProcessWideMediaTests.Name)] // alone: the timing needs the media slots free
public sealed class InProcessCancellationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_set_cancel_flag_stops_the_library_before_it_decodes(bool packetsOnly)
    {
        Assert.NotNull(LibavMedia.Version);
        var flag = GC.AllocateArray<int>(1, pinned: true);
        flag[0] = 1;

        Assert.Throws<OperationCanceledException>(() => LibavMedia.Probe(TestVideos.H264, packetsOnly, Marshal.UnsafeAddrOfPinnedArrayElement(flag, 0), CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_a_long_probe_stops_it_partway()
    {
        var clip = TestVideos.Long;
        // Timed warm (the first call also loads the libraries and the file), so the cancelled probe is not faster.
        Assert.Equal(300, (await LibavMedia.ProbeAsync(clip, CancellationToken.None)).FrameCount);
        var clock = Stopwatch.StartNew();
        Assert.Equal(300, (await LibavMedia.ProbeAsync(clip, CancellationToken.None)).FrameCount);
        var whole = clock.Elapsed;
        // A busy machine may wake the cancelling timer after the probe is done: that attempt proves nothing, so try
        // again. A cancel that never reached FFmpeg would let every attempt finish with its figures.
        for (var attempt = 1; ; attempt++)
        {
            using var cancel = new CancellationTokenSource();
            clock.Restart();
            var probe = LibavMedia.ProbeAsync(clip, cancel.Token);
            await Task.Delay(whole / 8);
            await cancel.CancelAsync();
            try
            {
                await probe;
            }
            catch (OperationCanceledException)
            {
                Assert.True(clock.Elapsed < whole, $"cancelled after {clock.Elapsed.TotalMilliseconds:0} ms; the whole probe takes {whole.TotalMilliseconds:0} ms");
                return;
            }

            Assert.True(attempt < 10, $"10 probes finished although each was cancelled an eighth of the way in ({whole.TotalMilliseconds:0} ms each)");
        }
    }
}
