using System.Diagnostics;
using System.Runtime.InteropServices;
using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>Cancelling stops FFmpeg between packets, as killing the process stopped ffprobe.</summary>
[Collection(ProcessWideMediaTests.Name)] // alone: the timing needs the media slots free
public sealed class InProcessCancellationTests
{
    [Theory]
    [InlineData(nameof(LibavMedia.ProbeDepth.EveryFrame))]
    [InlineData(nameof(LibavMedia.ProbeDepth.PacketsAndFirstFrame))]
    [InlineData(nameof(LibavMedia.ProbeDepth.PacketsOnly))]
    public void A_set_cancel_flag_stops_the_library_before_it_decodes(string depth)
    {
        Assert.NotNull(LibavMedia.Version);
        var flag = GC.AllocateArray<int>(1, pinned: true);
        flag[0] = 1;

        Assert.Throws<OperationCanceledException>(() => LibavMedia.Probe(TestVideos.H264, Enum.Parse<LibavMedia.ProbeDepth>(depth), Marshal.UnsafeAddrOfPinnedArrayElement(flag, 0), CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_a_long_probe_stops_it_partway()
    {
        var clip = TestVideos.Long;
        // The first call also loads the libraries and the file: not timed.
        Assert.Equal(300, (await LibavMedia.ProbeAsync(clip, CancellationToken.None)).FrameCount);
        // Each attempt times a whole probe just before its cancelled one, so both run under the same load (other test
        // assemblies share the cores). An attempt whose cancel lands late (a busy machine wakes the timer after the
        // probe is done, or slows the cancelled probe down) proves nothing, so try again; a cancel that never reached
        // FFmpeg would let every attempt run its whole length.
        var attempts = new List<string>();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var clock = Stopwatch.StartNew();
            Assert.Equal(300, (await LibavMedia.ProbeAsync(clip, CancellationToken.None)).FrameCount);
            var whole = clock.Elapsed;
            using var cancel = new CancellationTokenSource();
            clock.Restart();
            var probe = LibavMedia.ProbeAsync(clip, cancel.Token);
            await Task.Delay(whole / 8);
            await cancel.CancelAsync();
            try
            {
                await probe;
                attempts.Add($"finished ({whole.TotalMilliseconds:0} ms whole)");
            }
            catch (OperationCanceledException)
            {
                if (clock.Elapsed < whole)
                {
                    return;
                }

                attempts.Add($"cancelled after {clock.Elapsed.TotalMilliseconds:0} ms ({whole.TotalMilliseconds:0} ms whole)");
            }
        }

        Assert.Fail($"No probe stopped partway although each was cancelled an eighth of the way in: {string.Join("; ", attempts)}");
    }
}
